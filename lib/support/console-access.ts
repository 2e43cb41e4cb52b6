// Who may use the support console, and what a support account still has to do first. The console shows other
// people's accounts and the verifier's exact verdicts, so a password alone does not open it (security bar H61, D38):
// the support account has two-factor on and a passkey, and this session holds a support-console grant from a
// user-verified passkey step-up in the last 15 minutes (lib/auth/step-up.ts, docs/decisions/013).
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys } from "@/lib/db/schema";
import type { CurrentSession } from "@/lib/auth/session";
import { stepUpExpiry } from "@/lib/auth/step-up";
import { hasTotp } from "@/lib/auth/totp";

export type ConsoleAccess =
  | { state: "not-staff" }
  | { state: "needs-two-factor" }
  | { state: "needs-passkey" }
  | { state: "needs-step-up" }
  | { state: "open"; until: Date };

export async function consoleAccess({ user, sessionId }: CurrentSession): Promise<ConsoleAccess> {
  if (user.role !== "support") return { state: "not-staff" };
  if (!(await hasTotp(user.id))) return { state: "needs-two-factor" };
  if (!(await db.$count(passkeys, eq(passkeys.userId, user.id)))) return { state: "needs-passkey" };
  const until = await stepUpExpiry(user.id, sessionId, "support-console", "passkey");
  return until ? { state: "open", until } : { state: "needs-step-up" };
}
