// POST /fido/attestation/result: a registration, verified by the one verification core with this relying party's
// terms (its algorithms and trust store), stored once.
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { readMdsSnapshot } from "@/lib/mds/mds-snapshot";
import { transaction } from "@/lib/db/client";
import { fidoCredentials } from "@/lib/db/schema";
import { AppError, failForDevelopers, ok, type Result } from "@/lib/result";
import { burnOnFailure, consumeChallenge } from "@/lib/webauthn/challenges";
import { findCeremony, type FidoCeremony } from "./find-ceremony";
import { parseRegistrationResponse } from "./parse-registration-response";
import { readClientData } from "./read-client-data";
import { credentialRecord } from "@/lib/webauthn/credential-record";
import { verifyRegistration } from "@/lib/webauthn/verify-registration";
import { fidoTerms } from "./conformance-relying-party";

const refused = (detail: string) =>
  failForDevelopers("fido:not-verified", `Registration refused: ${detail.replace(/\.+$/, "")}.`);

async function verifyAndStore(
  response: RegistrationResponseJSON,
  ceremony: FidoCeremony,
): Promise<Result<Record<string, never>>> {
  const verification = await verifyRegistration(response, ceremony.value, fidoTerms, {
    userVerification: ceremony.userVerification ?? "preferred",
  });
  if (!verification.verified) return refused(verification.failure.detail);
  const info = verification.info;
  await transaction(async (tx) => {
    await consumeChallenge(tx, ceremony.id);
    // Credential ids are unique across all users (WebAuthn L3 §7.1 step 26; security bar A14, F50).
    if (
      await tx.query.fidoCredentials.findFirst({
        where: eq(fidoCredentials.id, info.credential.id),
        columns: { id: true },
      })
    ) {
      throw new AppError(
        failForDevelopers(
          "fido:not-verified",
          "Registration refused: this credential id is already registered (to this or another user).",
        ),
      );
    }
    await tx.insert(fidoCredentials).values({ ...credentialRecord(info, response), fidoUserId: ceremony.fidoUserId });
  });
  return ok({});
}

/**
 * The ceremony is the open fido-registration challenge named in clientDataJSON; the credential goes to its user.
 * Any failure after that spends the challenge: one challenge, one try.
 */
export async function finishAttestation(body: unknown): Promise<Result<Record<string, never>>> {
  const parsed = parseRegistrationResponse(body);
  if (!parsed.ok) return parsed;
  const clientData = readClientData(parsed.data.response.clientDataJSON);
  if (!clientData.ok) return clientData;
  const ceremony = await findCeremony(clientData.data.challenge, "fido-registration");
  if (!ceremony) {
    return refused(
      "the response challenge is not an open registration challenge of this server (unknown, for another purpose, expired or already used)",
    );
  }
  // The trust store reads the stored FIDO metadata synchronously: bring it up to date (another process may have stored
  // a newer BLOB) before the verdict.
  await readMdsSnapshot();
  return burnOnFailure(ceremony.id, () => verifyAndStore(parsed.data, ceremony));
}
