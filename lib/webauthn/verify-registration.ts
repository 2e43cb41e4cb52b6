// The one way a registration response is verified, for every relying party here: SimpleWebAuthn, then what it leaves
// to us (security bar A5, A14, B18, B20; WebAuthn L3 §7.1), then the relying party's attestation trust.
import {
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
  type VerifiedRegistrationResponse,
} from "@simplewebauthn/server";
import { decodeAttestationObject, isoBase64URL } from "@simplewebauthn/server/helpers";
import { checkAttestationObject } from "./check-attestation-object";
import { crossOriginReason } from "./client-data";
import { MAX_CREDENTIAL_ID_BYTES } from "./relying-party";
import { refusal, type CeremonyPolicy, type RelyingPartyTerms, type Verification } from "./verification-terms";

export type RegistrationInfo = NonNullable<VerifiedRegistrationResponse["registrationInfo"]>;

function x5cOf(attestationObject: Uint8Array): Uint8Array[] {
  const x5c = decodeAttestationObject(new Uint8Array(attestationObject)).get("attStmt")?.get("x5c");
  return Array.isArray(x5c) ? x5c.filter((certificate) => certificate instanceof Uint8Array) : [];
}

export async function verifyRegistration(
  response: RegistrationResponseJSON,
  expectedChallenge: string,
  terms: RelyingPartyTerms,
  policy: CeremonyPolicy,
): Promise<Verification<RegistrationInfo>> {
  // Valid UTF-8 JSON, and never made inside a cross-origin frame (WebAuthn L3 §7.1 steps 5, 10-11).
  const framed = crossOriginReason(response.response.clientDataJSON);
  if (framed) return refusal(framed);
  let verification: VerifiedRegistrationResponse;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: [...terms.origins],
      expectedRPID: terms.id,
      // WebAuthn L3 §7.1 step 15: user presence is required unless the options were for conditional create.
      requireUserPresence: policy.mediation !== "conditional-create",
      requireUserVerification: policy.userVerification === "required",
      supportedAlgorithmIDs: [...terms.algorithms],
    });
  } catch (error) {
    return refusal((error as Error).message);
  }
  // A bad attestation signature is `verified: false`, not a throw.
  if (!verification.verified || !verification.registrationInfo)
    return refusal("the attestation signature did not verify");
  const info = verification.registrationInfo;
  if (response.id !== info.credential.id)
    return refusal("the credential id differs from the one in authenticator data");
  const idBytes = isoBase64URL.toBuffer(info.credential.id).length;
  // WebAuthn L3 §5.1: a credential id is at most 1023 bytes (security bar A14).
  if (idBytes > MAX_CREDENTIAL_ID_BYTES)
    return refusal(`the credential id is ${idBytes} bytes, over the ${MAX_CREDENTIAL_ID_BYTES}-byte limit`);
  const statement = checkAttestationObject(info.attestationObject, info.credential.publicKey);
  if (statement) return refusal(statement);
  const untrusted = terms.trust?.({ fmt: info.fmt, aaguid: info.aaguid, x5c: x5cOf(info.attestationObject) });
  if (untrusted) return refusal(untrusted, "passkey:untrusted");
  return { verified: true, info };
}
