// The verification half of the ceiling: raw ECDSA P-256 with node:crypto and a cached KeyObject, and a rate counter.
import { generateKeyPairSync, randomBytes, sign, verify } from "node:crypto";

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

/** A signed message shaped like an assertion (authenticatorData ‖ SHA-256(clientDataJSON)) and its verifier. */
export function cachedKeyVerifier(): () => boolean {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const signed = randomBytes(37 + 32);
  // WebAuthn ES256 signatures are DER-encoded, node:crypto's default for ECDSA.
  const signature = sign("sha256", signed, privateKey);
  return () => verify("sha256", signed, publicKey, signature);
}
