// The one way an assertion is verified against its stored credential, for every relying party here: the DER check and
// crossOrigin SimpleWebAuthn leaves to us, SimpleWebAuthn itself, then UV per policy and backup eligibility. Whose
// credential it is (allowCredentials, the user handle) and storing the counter stay with each caller.
import {
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type VerifiedAuthenticationResponse,
} from "@simplewebauthn/server";
import { crossOriginReason } from "./client-data";
import { assertionSignatureProblem } from "./ecdsa-signature";
import { refusal, type CeremonyPolicy, type RelyingPartyTerms, type Verification } from "./verification-terms";

export type AuthenticationInfo = VerifiedAuthenticationResponse["authenticationInfo"];

export type StoredCredential = {
  id: string;
  publicKey: Uint8Array;
  counter: number;
  backupEligible: boolean;
  transports?: string[];
};

export async function verifyAssertion(
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  credential: StoredCredential,
  terms: RelyingPartyTerms,
  policy: CeremonyPolicy,
): Promise<Verification<AuthenticationInfo>> {
  const framed = crossOriginReason(response.response.clientDataJSON);
  if (framed) return refusal(framed);
  // An ECDSA signature must be DER (WebAuthn L3 §6.5.5); SimpleWebAuthn also takes other encodings of r and s.
  const encoding = assertionSignatureProblem(credential.publicKey, response.response.signature);
  if (encoding) return refusal(encoding);
  let verification: VerifiedAuthenticationResponse;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: [...terms.origins],
      expectedRPID: terms.id,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports as AuthenticatorTransport[] | undefined,
      },
      // UV is judged below, so that its absence has a reason of its own.
      requireUserVerification: false,
    });
  } catch (error) {
    // Includes a counter that did not increase: stored 10, received 10 or 5 (WebAuthn L3 §7.2 step 22; security bar A10).
    return refusal((error as Error).message);
  }
  // A bad signature is `verified: false`, not a throw (security bar A9).
  if (!verification.verified) return refusal("the signature did not verify");
  const info = verification.authenticationInfo;
  if (policy.userVerification === "required" && !info.userVerified)
    return refusal("user verification required, but the authenticator data UV flag is 0", "passkey:uv-missing");
  // Backup eligibility is fixed when the credential is made (WebAuthn L3 §6.1.3; security bar A8).
  const backupEligible = info.credentialDeviceType === "multiDevice";
  if (backupEligible !== credential.backupEligible) {
    return refusal(
      `backup eligibility (BE) changed from ${credential.backupEligible} at registration to ${backupEligible}`,
      "passkey:backup-state-changed",
    );
  }
  return { verified: true, info };
}
