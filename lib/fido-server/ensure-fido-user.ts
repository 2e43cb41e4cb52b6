import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { fidoUsers, type FidoUser } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { USER_HANDLE_BYTES } from "./conformance-relying-party";

/** The conformance user with this username, made on first use (concurrent first uses agree on one). */
export async function ensureFidoUser(tx: Tx, username: string, displayName: string): Promise<FidoUser> {
  await tx
    .insert(fidoUsers)
    .values({
      id: newToken(16),
      username,
      displayName,
      webauthnUserId: randomBytes(USER_HANDLE_BYTES).toString("base64url"),
    })
    .onConflictDoNothing({ target: fidoUsers.username });
  const user = await tx.query.fidoUsers.findFirst({ where: eq(fidoUsers.username, username) });
  if (!user) throw new Error(`conformance user ${username} vanished inside its transaction`);
  return user;
}
