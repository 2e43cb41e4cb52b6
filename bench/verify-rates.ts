// Signature verification ceilings: raw ECDSA P-256 with node:crypto and a cached KeyObject, against
// @simplewebauthn/server's verifyAuthenticationResponse on the same kind of assertion (which imports the key anew on
// every call) — one call in flight and many.
import { generateKeyPairSync, randomBytes, sign, verify } from "node:crypto";
import { verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
import { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";

export type Rate = { perSec: number; count: number; ms: number };

const round = (value: number) => Math.round(value);

/** Calls `work` in batches until `ms` have passed (at most `maxCount` times); synchronous work only. */
export function rateOf(work: () => void, ms: number, maxCount = 10_000_000): Rate {
  const started = performance.now();
  let count = 0;
  while (count < maxCount && performance.now() - started < ms) {
    for (let i = 0; i < 50; i++) work();
    count += 50;
  }
  const elapsed = performance.now() - started;
  return { perSec: round((count * 1000) / elapsed), count, ms: round(elapsed) };
}

/** `inFlight` async loops of `work` until `ms` have passed (at most `maxCount` calls). */
export async function asyncRateOf(
  work: () => Promise<void>,
  ms: number,
  inFlight: number,
  maxCount = 1_000_000,
): Promise<Rate> {
  const started = performance.now();
  let count = 0;
  const loop = async () => {
    while (count < maxCount && performance.now() - started < ms) {
      await work();
      count++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  const elapsed = performance.now() - started;
  return { perSec: round((count * 1000) / elapsed), count, ms: round(elapsed) };
}

/** A signed message shaped like an assertion (authenticatorData ‖ SHA-256(clientDataJSON)) and its verifier. */
export function cachedKeyVerifier(): () => boolean {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const signed = randomBytes(37 + 32);
  // WebAuthn ES256 signatures are DER-encoded, node:crypto's default for ECDSA.
  const signature = sign("sha256", signed, privateKey);
  return () => verify("sha256", signed, publicKey, signature);
}

export function ecdsaVerifyRate(ms: number): Rate {
  const check = cachedKeyVerifier();
  if (!check()) throw new Error("ECDSA self-check failed");
  return rateOf(() => void check(), ms);
}

/** verifyAuthenticationResponse on a real ES256 assertion (counter 0 on both sides, so it can be verified again). */
export async function simpleWebAuthnVerifyRate(ms: number, inFlight: number): Promise<Rate> {
  const origin = "http://localhost";
  const authenticator = new SoftwareAuthenticator({ signCountMode: "zero" });
  const challenge = randomBytes(32).toString("base64url");
  const registration = authenticator.register(
    {
      challenge,
      rp: { id: "localhost", name: "bench" },
      user: { id: randomBytes(16).toString("base64url"), name: "bench", displayName: "bench" },
      pubKeyCredParams: [{ alg: -7, type: "public-key" }],
    },
    origin,
  );
  const registered = await verifyRegistrationResponse({
    response: registration,
    expectedChallenge: challenge,
    expectedOrigin: origin,
  });
  if (!registered.verified) throw new Error("registration self-check failed");
  const credential = {
    id: registered.registrationInfo.credential.id,
    publicKey: registered.registrationInfo.credential.publicKey,
    counter: 0,
  };
  const response = authenticator.authenticate({ challenge, rpId: "localhost" }, origin);
  const once = async () => {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: "localhost",
      credential,
    });
    if (!result.verified) throw new Error("assertion self-check failed");
  };
  await once();
  return asyncRateOf(once, ms, inFlight);
}

/** WebCrypto's public-key import from JWK alone, as @simplewebauthn/server does it before every verification. */
export async function webCryptoKeyImportRate(ms: number): Promise<Rate> {
  const { subtle } = globalThis.crypto;
  const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const jwk = { ...(await subtle.exportKey("jwk", pair.publicKey)), ext: false };
  return asyncRateOf(
    async () => void (await subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"])),
    ms,
    1,
  );
}
