// Test-only: SimpleWebAuthn as an independent verifier of what the software authenticator produces. Nothing outside
// *.test.ts files may import this (the authenticator itself must never depend on @simplewebauthn/server at runtime).
import {
  SettingsService,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type VerifiedAuthenticationResponse,
  type VerifiedRegistrationResponse,
  type WebAuthnCredential,
} from "@simplewebauthn/server";
import { ALGORITHM_NAMES, coseAlgorithmId } from "../cose";
import { testCaRootPem } from "../test-ca";

export const RP_ID = "passkey-lab.test";
export const ORIGIN = "https://passkey-lab.test";
export const CHALLENGE = Buffer.alloc(32, 7).toString("base64url");
export const USER_ID = Buffer.alloc(64, 9).toString("base64url");
/** Every COSE algorithm the authenticator implements (SimpleWebAuthn's default is only EdDSA, ES256, RS256). */
export const ALL_ALGORITHM_IDS = ALGORITHM_NAMES.map(coseAlgorithmId);

/** Trust the runtime test root for every format that carries a chain. */
export function trustTestCa(): void {
  for (const identifier of ["packed", "fido-u2f", "apple"] as const) {
    SettingsService.setRootCertificates({ identifier, certificates: [testCaRootPem()] });
  }
}

export function creationOptions(algorithms: number[] = [-7, -257]): PublicKeyCredentialCreationOptionsJSON {
  return {
    challenge: CHALLENGE,
    rp: { id: RP_ID, name: "Passkey Lab" },
    user: { id: USER_ID, name: "alice@passkey-lab.test", displayName: "Alice" },
    pubKeyCredParams: algorithms.map((alg) => ({ type: "public-key", alg })),
    attestation: "direct",
  };
}

export function requestOptions(allowCredentials?: string[]): PublicKeyCredentialRequestOptionsJSON {
  return {
    challenge: CHALLENGE,
    rpId: RP_ID,
    allowCredentials: allowCredentials?.map((id) => ({ id, type: "public-key" })),
  };
}

type Refusal = { verified: false; reason: string };
/** What SimpleWebAuthn concluded: verified with its info, or the reason it refused (a throw or `verified: false`). */
export type RegistrationOutcome =
  { verified: true; info: NonNullable<VerifiedRegistrationResponse["registrationInfo"]> } | Refusal;
export type AuthenticationOutcome =
  { verified: true; info: VerifiedAuthenticationResponse["authenticationInfo"] } | Refusal;

export type VerifyOptions = { requireUserVerification?: boolean; supportedAlgorithmIDs?: number[] };

const refusal = (error: unknown): Refusal => ({
  verified: false,
  reason: error instanceof Error ? error.message : String(error),
});

/** Accepts anything shaped like JSON, so mutated responses can be fed in as they would arrive over the wire. */
export async function verifyRegistration(response: unknown, options: VerifyOptions = {}): Promise<RegistrationOutcome> {
  try {
    const result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: CHALLENGE,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      requireUserVerification: options.requireUserVerification ?? true,
      supportedAlgorithmIDs: options.supportedAlgorithmIDs ?? ALL_ALGORITHM_IDS,
    });
    return result.verified
      ? { verified: true, info: result.registrationInfo }
      : { verified: false, reason: "verified: false" };
  } catch (error) {
    return refusal(error);
  }
}

export async function verifyAuthentication(
  response: unknown,
  credential: WebAuthnCredential,
  options: VerifyOptions = {},
): Promise<AuthenticationOutcome> {
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: CHALLENGE,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      credential,
      requireUserVerification: options.requireUserVerification ?? true,
    });
    return result.verified
      ? { verified: true, info: result.authenticationInfo }
      : { verified: false, reason: "verified: false" };
  } catch (error) {
    return refusal(error);
  }
}

/** Registers with the authenticator and returns the credential SimpleWebAuthn stored, or fails the test. */
export async function registeredCredential(response: RegistrationResponseJSON): Promise<WebAuthnCredential> {
  const outcome = await verifyRegistration(response);
  if (!outcome.verified) throw new Error(`the unmutated registration must verify: ${outcome.reason}`);
  return outcome.info.credential;
}
