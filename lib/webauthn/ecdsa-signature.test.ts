import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ecdsaSignatureProblem } from "./ecdsa-signature";

const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const der = () => sign("sha256", Buffer.from("signed data"), { key: privateKey, dsaEncoding: "der" });

/** r with one more leading zero byte than DER allows, lengths adjusted: the same integer, not minimal. */
function withPaddedR(signature: Buffer): Buffer {
  const rLength = signature[3];
  const r = Buffer.concat([Buffer.from([0x02, rLength + 1, 0x00]), signature.subarray(4, 4 + rLength)]);
  const s = signature.subarray(4 + rLength);
  return Buffer.concat([Buffer.from([0x30, r.length + s.length]), r, s]);
}

describe("ecdsaSignatureProblem (WebAuthn L3 §6.5.5: DER only)", () => {
  it("accepts what node:crypto signs in DER", () => {
    for (let i = 0; i < 20; i++) expect(ecdsaSignatureProblem(der())).toBeNull();
  });

  it("refuses the same r and s under another SEQUENCE tag or length, with bytes after it, or with a padded integer", () => {
    const signature = der();
    const tagged = Buffer.from(signature);
    tagged[0] = 0xb0;
    const lengthened = Buffer.from(signature);
    lengthened[1] += 1;
    for (const bad of [tagged, lengthened, Buffer.concat([signature, Buffer.from([0])]), withPaddedR(signature)]) {
      expect(ecdsaSignatureProblem(bad)).toMatch(/not DER|not minimal|not an ASN\.1/);
    }
    expect(ecdsaSignatureProblem(Buffer.alloc(0))).not.toBeNull();
  });
});
