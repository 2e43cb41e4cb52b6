// POST /fido/assertion/result: an assertion by one of the ceremony user's credentials, accepted at most once.
import {
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type VerifiedAuthenticationResponse,
} from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { fidoCredentials, fidoUsers } from "@/lib/db/schema";
import { AppError, fail, ok, type Result } from "@/lib/result";
import { counterAdvances } from "@/lib/webauthn/assertion";
import { burnOnFailure, consumeChallenge } from "@/lib/webauthn/challenges";
import { crossOriginReason } from "@/lib/webauthn/client-data";
import { assertionSignatureProblem } from "@/lib/webauthn/ecdsa-signature";
import { fidoRelyingParty } from "./conformance-relying-party";
import { findCeremony, type FidoCeremony } from "./find-ceremony";
import { parseAuthenticationResponse } from "./parse-authentication-response";
import { readClientData } from "./read-client-data";

const refused = (reason: string) => fail("fido:not-verified", `Assertion refused: ${reason.replace(/\.+$/, "")}.`);

async function verifyAndRecord(response: AuthenticationResponseJSON, ceremony: FidoCeremony): Promise<Result<Record<string, never>>> {
  const framed = crossOriginReason(response.response.clientDataJSON);
  if (framed) return refused(framed);
  const credential = await db.query.fidoCredentials.findFirst({ where: eq(fidoCredentials.id, response.id) });
  if (!credential) return refused("the credential id is not registered here");
  // allowCredentials listed exactly this user's credentials (security bar A11).
  if (credential.fidoUserId !== ceremony.fidoUserId) return refused("the credential belongs to another user than the one these options were for");
  const owner = await db.query.fidoUsers.findFirst({ where: eq(fidoUsers.id, credential.fidoUserId) });
  // WebAuthn L3 §7.2 step 6: a user handle, when given, is the credential owner's (security bar A12).
  const userHandle = response.response.userHandle;
  if (userHandle !== undefined && userHandle !== owner?.webauthnUserId) return refused("userHandle is not the user handle of the credential's user");

  const encoding = assertionSignatureProblem(credential.publicKey, response.response.signature);
  if (encoding) return refused(encoding);
  let verification: VerifiedAuthenticationResponse;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: ceremony.value,
      expectedOrigin: [...fidoRelyingParty.origins],
      expectedRPID: fidoRelyingParty.id,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports as AuthenticatorTransport[],
      },
      requireUserVerification: ceremony.userVerification === "required",
    });
  } catch (error) {
    // Includes a counter that did not increase (WebAuthn L3 §7.2 step 22; security bar A10).
    return refused((error as Error).message);
  }
  // A bad signature is `verified: false`, not a throw (security bar A9).
  if (!verification.verified) return refused("the signature did not verify");
  const info = verification.authenticationInfo;
  // Backup eligibility is fixed when the credential is made (WebAuthn L3 §6.1.3; security bar A8).
  const backupEligible = info.credentialDeviceType === "multiDevice";
  if (backupEligible !== credential.backupEligible) {
    return refused(`backup eligibility (BE) changed from ${credential.backupEligible} at registration to ${backupEligible}`);
  }

  await transaction(async (tx) => {
    await consumeChallenge(tx, ceremony.id);
    // Of two racing or reordered assertions only the higher counter can land (security bar C27).
    const updated = await tx
      .update(fidoCredentials)
      .set({ counter: info.newCounter, backedUp: info.credentialBackedUp, lastUsedAt: new Date() })
      .where(and(eq(fidoCredentials.id, credential.id), counterAdvances(fidoCredentials.counter, info.newCounter)))
      .returning({ id: fidoCredentials.id });
    if (updated.length !== 1) {
      throw new AppError("fido:not-verified", `Assertion refused: signature counter ${info.newCounter} is not above the stored counter (a replay, a race or a cloned authenticator).`);
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
    return fail("challenge:invalid", "clientDataJSON.challenge is not an open authentication challenge of this server (unknown, for another purpose, expired or already used).");
  }
  return burnOnFailure(ceremony.id, () => verifyAndRecord(parsed.data, ceremony));
}
