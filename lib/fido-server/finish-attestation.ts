// POST /fido/attestation/result: a registration, verified by SimpleWebAuthn plus our own checks, stored once.
import { verifyRegistrationResponse, type RegistrationResponseJSON, type VerifiedRegistrationResponse } from "@simplewebauthn/server";
import { decodeAttestationObject, isoBase64URL } from "@simplewebauthn/server/helpers";
import { eq } from "drizzle-orm";
import { transaction } from "@/lib/db/client";
import { fidoCredentials } from "@/lib/db/schema";
import { AppError, fail, ok, type Result } from "@/lib/result";
import { burnOnFailure, consumeChallenge } from "@/lib/webauthn/challenges";
import { crossOriginReason } from "@/lib/webauthn/client-data";
import { MAX_CREDENTIAL_ID_BYTES } from "@/lib/webauthn/relying-party";
import { checkAttestationObject } from "@/lib/webauthn/check-attestation-object";
import { FIDO_ALGORITHMS, fidoRelyingParty } from "./conformance-relying-party";
import { findCeremony, type FidoCeremony } from "./find-ceremony";
import { loadTrustStore } from "./load-trust-store";
import { parseRegistrationResponse } from "./parse-registration-response";
import { readClientData } from "./read-client-data";
import { verifyAttestationTrust } from "./verify-attestation-trust";
import { credentialRecord } from "@/lib/webauthn/credential-record";

type RegistrationInfo = NonNullable<VerifiedRegistrationResponse["registrationInfo"]>;

const refused = (reason: string) => fail("fido:not-verified", `Registration refused: ${reason.replace(/\.+$/, "")}.`);

function x5cOf(attestationObject: Uint8Array): Uint8Array[] {
  const x5c = decodeAttestationObject(new Uint8Array(attestationObject)).get("attStmt")?.get("x5c");
  return Array.isArray(x5c) ? x5c.filter((certificate) => certificate instanceof Uint8Array) : [];
}

/** What SimpleWebAuthn 14 lets through and the specifications or the security bar do not. */
function registrationProblem(response: RegistrationResponseJSON, info: RegistrationInfo): string | null {
  if (response.id !== info.credential.id) return "the credential id differs from the one in authenticator data";
  const idBytes = isoBase64URL.toBuffer(info.credential.id).length;
  // WebAuthn L3 §7.1: credentialId is at most 1023 bytes (security bar A14).
  if (idBytes > MAX_CREDENTIAL_ID_BYTES) return `the credential id is ${idBytes} bytes, over the ${MAX_CREDENTIAL_ID_BYTES}-byte limit`;
  return (
    checkAttestationObject(info.attestationObject, info.credential.publicKey) ??
    verifyAttestationTrust({ fmt: info.fmt, aaguid: info.aaguid, x5c: x5cOf(info.attestationObject) }, loadTrustStore())
  );
}

async function verifyAndStore(response: RegistrationResponseJSON, ceremony: FidoCeremony): Promise<Result<Record<string, never>>> {
  // We are never framed: crossOrigin true or a topOrigin is refused (WebAuthn L3 §7.1 steps 10-11; security bar A5).
  const framed = crossOriginReason(response.response.clientDataJSON);
  if (framed) return refused(framed);
  let verification: VerifiedRegistrationResponse;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: ceremony.value,
      expectedOrigin: [...fidoRelyingParty.origins],
      expectedRPID: fidoRelyingParty.id,
      requireUserVerification: ceremony.userVerification === "required",
      supportedAlgorithmIDs: [...FIDO_ALGORITHMS],
    });
  } catch (error) {
    return refused((error as Error).message);
  }
  // A bad attestation signature is `verified: false`, not a throw.
  if (!verification.verified || !verification.registrationInfo) return refused("the attestation signature did not verify");
  const info = verification.registrationInfo;
  const problem = registrationProblem(response, info);
  if (problem) return refused(problem);

  await transaction(async (tx) => {
    await consumeChallenge(tx, ceremony.id);
    // Credential ids are unique across all users (WebAuthn L3 §7.1 step 26; security bar A14, F50).
    if (await tx.query.fidoCredentials.findFirst({ where: eq(fidoCredentials.id, info.credential.id), columns: { id: true } })) {
      throw new AppError("fido:not-verified", "Registration refused: this credential id is already registered (to this or another user).");
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
    return fail("challenge:invalid", "clientDataJSON.challenge is not an open registration challenge of this server (unknown, for another purpose, expired or already used).");
  }
  return burnOnFailure(ceremony.id, () => verifyAndStore(parsed.data, ceremony));
}
