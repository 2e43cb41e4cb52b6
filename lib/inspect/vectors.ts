// The captured vectors under ./vectors, for tests and the page's "Load an example".
import androidKey from "./vectors/android-key-conformance.json";
import apple from "./vectors/apple-iphone.json";
import authenticationCounterZero from "./vectors/authentication-counter-zero.json";
import authenticationEs256 from "./vectors/authentication-es256.json";
import fidoU2f from "./vectors/fido-u2f-yubico.json";
import none from "./vectors/none-firefox-android.json";
import packedFull from "./vectors/packed-full-chromium.json";
import packedSelf from "./vectors/packed-self-localhost.json";
import tpm from "./vectors/tpm-rs256.json";
import w3cEd25519Authentication from "./vectors/w3c-16-11-packed-ed25519.authentication.json";
import w3cEd25519Registration from "./vectors/w3c-16-11-packed-ed25519.registration.json";
import w3cNoneAuthentication from "./vectors/w3c-16-2-none-es256.authentication.json";
import w3cNoneRegistration from "./vectors/w3c-16-2-none-es256.registration.json";
import w3cSelfAuthentication from "./vectors/w3c-16-3-packed-self-es256.authentication.json";
import w3cSelfRegistration from "./vectors/w3c-16-3-packed-self-es256.registration.json";
import w3cTopOriginAuthentication from "./vectors/w3c-16-5-top-origin-es256.authentication.json";
import w3cTopOriginRegistration from "./vectors/w3c-16-5-top-origin-es256.registration.json";

export type Vector = {
  source: { repository: string; path: string; note: string };
  ceremony: "registration" | "authentication";
  capturedAt?: string;
  expected: {
    challenge: string;
    origin: string;
    rpId: string;
    topOrigin?: string;
    credentialPublicKey?: string;
    storedSignCount?: number;
  };
  response: Record<string, unknown>;
};

export const vectors = {
  androidKey,
  apple,
  authenticationCounterZero,
  authenticationEs256,
  fidoU2f,
  none,
  packedFull,
  packedSelf,
  tpm,
} as Record<string, Vector>;

/** The W3C WebAuthn Level 3 §16 test vectors (RP ID example.org), registration and authentication of each. */
export const w3cVectors = {
  noneEs256: { registration: w3cNoneRegistration, authentication: w3cNoneAuthentication },
  packedSelfEs256: { registration: w3cSelfRegistration, authentication: w3cSelfAuthentication },
  topOriginEs256: { registration: w3cTopOriginRegistration, authentication: w3cTopOriginAuthentication },
  packedEd25519: { registration: w3cEd25519Registration, authentication: w3cEd25519Authentication },
} as Record<string, { registration: Vector; authentication: Vector }>;
