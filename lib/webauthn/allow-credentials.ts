// This account's passkeys as allowCredentials (WebAuthn L3 §5.5): the one list a username-first sign-in, a step-up and
// a withdrawal offer, so the browser shows only this account's passkeys and the server accepts only those (A11).
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import { and, eq, isNull, or } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys } from "@/lib/db/schema";

export type AllowCredentials = NonNullable<Parameters<typeof generateAuthenticationOptions>[0]["allowCredentials"]>;

/**
 * `mayHavePrf`: only the passkeys a note can be sealed with — all but those the browser said, when each was made, have
 * no PRF (WebAuthn L3 §10.1.4); a passkey it said nothing of is offered, and tells on use.
 */
export async function accountAllowCredentials(
  userId: string,
  { mayHavePrf = false }: { mayHavePrf?: boolean } = {},
): Promise<AllowCredentials> {
  const owned = eq(passkeys.userId, userId);
  const rows = await db.query.passkeys.findMany({
    where: mayHavePrf ? and(owned, or(isNull(passkeys.prfEnabled), eq(passkeys.prfEnabled, true))) : owned,
    columns: { id: true, transports: true },
  });
  return rows.map((passkey) => ({
    id: passkey.id,
    transports: passkey.transports as AllowCredentials[number]["transports"],
  }));
}
