// POST /fido/assertion/result: an assertion by one of the ceremony user's credentials, accepted at most once.
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { fidoCredentials, fidoUsers } from "@/lib/db/schema";
import { AppError, failForDevelopers, ok, type Result } from "@/lib/result";
import { counterAdvances } from "@/lib/webauthn/assertion";
import { burnOnFailure, consumeChallenge } from "@/lib/webauthn/challenges";
import { verifyAssertion } from "@/lib/webauthn/verify-assertion";
import { fidoTerms } from "./conformance-relying-party";
import { findCeremony, type FidoCeremony } from "./find-ceremony";
import { parseAuthenticationResponse } from "./parse-authentication-response";
import { readClientData } from "./read-client-data";

const refused = (detail: string) =>
  failForDevelopers("fido:not-verified", `Assertion refused: ${detail.replace(/\.+$/, "")}.`);

async function verifyAndRecord(
  response: AuthenticationResponseJSON,
  ceremony: FidoCeremony,
): Promise<Result<Record<string, never>>> {
  const credential = await db.query.fidoCredentials.findFirst({ where: eq(fidoCredentials.id, response.id) });
  if (!credential) return refused("the credential id is not registered here");
  // allowCredentials listed exactly this user's credentials (security bar A11).
  if (credential.fidoUserId !== ceremony.fidoUserId)
    return refused("the credential belongs to another user than the one these options were for");
  const owner = await db.query.fidoUsers.findFirst({ where: eq(fidoUsers.id, credential.fidoUserId) });
  // WebAuthn L3 §7.2 step 6: a user handle, when given, is the credential owner's (security bar A12).
  const userHandle = response.response.userHandle;
  if (userHandle !== undefined && userHandle !== owner?.webauthnUserId)
    return refused("userHandle is not the user handle of the credential's user");

  const verification = await verifyAssertion(response, ceremony.value, credential, fidoTerms, {
    userVerification: ceremony.userVerification ?? "preferred",
  });
  if (!verification.verified) return refused(verification.failure.detail);
  const info = verification.info;

  await transaction(async (tx) => {
    await consumeChallenge(tx, ceremony.id);
    // Of two racing or reordered assertions only the higher counter can land (security bar C27).
    const updated = await tx
      .update(fidoCredentials)
      .set({ counter: info.newCounter, backedUp: info.credentialBackedUp, lastUsedAt: new Date() })
      .where(and(eq(fidoCredentials.id, credential.id), counterAdvances(fidoCredentials.counter, info.newCounter)))
      .returning({ id: fidoCredentials.id });
    if (updated.length !== 1) {
      throw new AppError(
        failForDevelopers(
          "fido:not-verified",
          `Assertion refused: signature counter ${info.newCounter} is not above the stored counter (a replay, a race or a cloned authenticator).`,
        ),
      );
    }
  });
  return ok({});
}

/**
 * The ceremony is the open fido-authentication challenge named in clientDataJSON. Consuming it and moving the counter
 * happen in one transaction, so a replayed assertion, or 20 copies at once, succeed at most once (security bar C25-C26).
 */
export async function finishAssertion(body: unknown): Promise<Result<Record<string, never>>> {
  const parsed = parseAuthenticationResponse(body);
  if (!parsed.ok) return parsed;
  const clientData = readClientData(parsed.data.response.clientDataJSON);
  if (!clientData.ok) return clientData;
  const ceremony = await findCeremony(clientData.data.challenge, "fido-authentication");
  if (!ceremony) {
    return refused(
      "the response challenge is not an open authentication challenge of this server (unknown, for another purpose, expired or already used)",
    );
  }
  return burnOnFailure(ceremony.id, () => verifyAndRecord(parsed.data, ceremony));
}
