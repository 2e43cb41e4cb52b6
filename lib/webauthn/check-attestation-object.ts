// Three things SimpleWebAuthn 14 accepts that the specifications forbid; the portal and the FIDO API both check them.
import { decodePartialCBOR } from "@levischuck/tiny-cbor";
import { decodeCredentialPublicKey } from "@simplewebauthn/server/helpers";
import { ECDSA_ALGORITHMS, ecdsaSignatureProblem } from "./ecdsa-signature";

/** null when fine, else the reason the attestation object is refused. Runs after SimpleWebAuthn verified it. */
export function checkAttestationObject(attestationObject: Uint8Array, credentialPublicKey: Uint8Array): string | null {
  const [decoded, length] = decodePartialCBOR(attestationObject, 0);
  // Policy: reject. WebAuthn L3 §7.1 step 12 decodes attestationObject as one CBOR structure (§6.5.4), and bytes
  // left over after that one data item make the input not well-formed ("too much data", RFC 8949 Appendix F).
  // SimpleWebAuthn decodes the first item and ignores the rest (security bar B20).
  if (length !== attestationObject.length) {
    return `attestationObject has ${attestationObject.length - length} bytes after its CBOR map`;
  }
  if (!(decoded instanceof Map)) return null;
  const fmt = decoded.get("fmt");
  const attStmt = decoded.get("attStmt");
  if (!(attStmt instanceof Map)) return null;
  // fido-u2f signs with ES256 always; packed and android-key name their alg (tpm's sig is a TPMT_SIGNATURE, not DER).
  const ecdsa =
    fmt === "fido-u2f" ||
    ((fmt === "packed" || fmt === "android-key") && ECDSA_ALGORITHMS.has(Number(attStmt.get("alg"))));
  const sig = attStmt.get("sig");
  if (ecdsa && sig instanceof Uint8Array) {
    const encoding = ecdsaSignatureProblem(sig);
    if (encoding) return `attestation ${encoding}`;
  }
  if (fmt !== "packed" || attStmt.has("x5c")) return null;
  // WebAuthn L3 §8.2, verification procedure, self attestation: "Validate that alg matches the algorithm of the
  // credentialPublicKey in authenticatorData." SimpleWebAuthn verifies the signature with the key's own algorithm.
  const keyAlg = decodeCredentialPublicKey(new Uint8Array(credentialPublicKey)).get(3);
  const alg = attStmt.get("alg");
  return alg === keyAlg
    ? null
    : `packed self attestation alg ${String(alg)} differs from the credential key's alg ${String(keyAlg)}`;
}
