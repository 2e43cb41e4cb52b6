import { and, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { challenges } from "@/lib/db/schema";
import type { Challenge } from "@/lib/webauthn/challenges";

export type FidoCeremony = Challenge & { fidoUserId: string };

/**
 * The open ceremony a response answers, found by the challenge in its clientDataJSON: the API's result calls carry
 * no ceremony id or session (docs/decisions/006). Only this purpose counts, so a registration challenge cannot
 * finish a sign-in or the other way round (security bar C28); spent and expired ones are not found (A3, C25).
 */
export async function findCeremony(
  challenge: string,
  purpose: "fido-registration" | "fido-authentication",
): Promise<FidoCeremony | undefined> {
  const row = await db.query.challenges.findFirst({
    where: and(
      eq(challenges.value, challenge),
      eq(challenges.purpose, purpose),
      isNull(challenges.consumedAt),
      gt(challenges.expiresAt, new Date()),
    ),
  });
  return row?.fidoUserId ? { ...row, fidoUserId: row.fidoUserId } : undefined;
}
