// This account's passkeys as allowCredentials (WebAuthn L3 §5.5): the one list a username-first sign-in, a step-up and
// a withdrawal offer, so the browser shows only this account's passkeys and the server accepts only those (A11).
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys } from "@/lib/db/schema";

export type AllowCredentials = NonNullable<Parameters<typeof generateAuthenticationOptions>[0]["allowCredentials"]>;

export async function accountAllowCredentials(userId: string): Promise<AllowCredentials> {
  const rows = await db.query.passkeys.findMany({
    where: eq(passkeys.userId, userId),
    columns: { id: true, transports: true },
  });
  return rows.map((passkey) => ({
    id: passkey.id,
    transports: passkey.transports as AllowCredentials[number]["transports"],
  }));
}
