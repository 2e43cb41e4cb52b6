// "Psychic signatures" (CVE-2022-21449): ECDSA signatures with r = s = 0, which a verifier that forgets to check
// 0 < r, s < n (SEC 1 v2 §4.1.4 step 1) accepts for any message and any key (security bar B22). Also r = s = n, the
// P-256 group order, which reduces to 0 modulo n.
/** The P-256 group order n (SEC 2 v2 §2.4.2; FIPS 186-5). */
const P256_ORDER = Buffer.from("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", "hex");

/** DER of a positive INTEGER: a leading 0x00 when the high bit is set (X.690 §8.3). */
function derInteger(magnitude: Buffer): Buffer {
  const body = magnitude[0] & 0x80 ? Buffer.concat([Buffer.from([0x00]), magnitude]) : magnitude;
  return Buffer.concat([Buffer.from([0x02, body.length]), body]);
}

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3), as WebAuthn carries it (§6.5.5). */
function ecdsaSignature(r: Buffer, s: Buffer): Buffer {
  const content = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.from([0x30, content.length]), content]);
}

/** 30 06 02 01 00 02 01 00 */
export const ECDSA_ZERO_SIGNATURE = ecdsaSignature(Buffer.from([0x00]), Buffer.from([0x00]));
export const ECDSA_CURVE_ORDER_SIGNATURE = ecdsaSignature(P256_ORDER, P256_ORDER);
