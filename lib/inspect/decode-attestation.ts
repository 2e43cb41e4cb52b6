// The attestation object (WebAuthn L3 §6.5.4): a CBOR map { fmt, attStmt, authData }, read with the capped decoder.
// Bytes after the map are refused, the same policy as the conformance relying party's check-attestation-object.
import type { CBORType } from "@levischuck/tiny-cbor";
import { toBase64url } from "./base64url";
import { cborToJson } from "./decode-authenticator-data";
import { describeCertificate, type DescribedCertificate } from "./decode-certificate";
import { COSE_ALGORITHMS } from "./decode-cose-key";
import { decodeCborItem } from "./safe-cbor";

export const KNOWN_FORMATS = [
  "packed",
  "tpm",
  "android-key",
  "android-safetynet",
  "fido-u2f",
  "apple",
  "none",
  "compound",
];

const MAX_CERTIFICATES = 8;

export type AttestationObject = {
  fmt: string;
  attStmt: Map<string | number, CBORType>;
  authData: Buffer;
  x5c: Buffer[];
};

export function decodeAttestationObject(
  bytes: Buffer,
): { ok: true; data: AttestationObject } | { ok: false; problem: string } {
  let decoded: { value: CBORType; end: number };
  try {
    decoded = decodeCborItem(bytes);
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  if (decoded.end !== bytes.length)
    return { ok: false, problem: `attestationObject has ${bytes.length - decoded.end} bytes after its CBOR map` };
  const map = decoded.value;
  if (!(map instanceof Map)) return { ok: false, problem: "attestationObject is not a CBOR map" };
  const fmt = map.get("fmt");
  const attStmt = map.get("attStmt");
  const authData = map.get("authData");
  if (typeof fmt !== "string") return { ok: false, problem: "fmt is missing or not a text string" };
  if (!(attStmt instanceof Map)) return { ok: false, problem: "attStmt is missing or not a map" };
  if (!(authData instanceof Uint8Array)) return { ok: false, problem: "authData is missing or not a byte string" };
  const x5cValue = attStmt.get("x5c");
  if (x5cValue !== undefined && !(Array.isArray(x5cValue) && x5cValue.every((item) => item instanceof Uint8Array))) {
    return { ok: false, problem: "attStmt.x5c is not an array of byte strings" };
  }
  const x5c = ((x5cValue as Uint8Array[] | undefined) ?? []).map((item) => Buffer.from(item));
  // Real chains hold two or three certificates; a long one is only work for the certificate parser.
  if (x5c.length > MAX_CERTIFICATES)
    return {
      ok: false,
      problem: `attStmt.x5c holds ${x5c.length} certificates; the inspector reads at most ${MAX_CERTIFICATES}`,
    };
  return {
    ok: true,
    data: { fmt, attStmt: attStmt as Map<string | number, CBORType>, authData: Buffer.from(authData), x5c },
  };
}

export type DescribedAttestation = {
  fmt: string;
  attestationType?: string;
  statement: Record<string, unknown>;
  certificates: (DescribedCertificate | { problem: string })[];
};

export function describeAttestation(attestation: AttestationObject): DescribedAttestation {
  const statement: Record<string, unknown> = {};
  for (const [key, value] of attestation.attStmt) {
    if (key === "x5c") statement.x5c = `${attestation.x5c.length} certificate(s), below`;
    else if (key === "alg" && typeof value === "number")
      statement.alg = `${COSE_ALGORITHMS[value] ?? "unknown"} (${value})`;
    else if (value instanceof Uint8Array)
      statement[String(key)] = { length: value.length, base64url: toBase64url(value) };
    else statement[String(key)] = cborToJson(value);
  }
  return {
    fmt: attestation.fmt,
    statement,
    certificates: attestation.x5c.map((der) => {
      const described = describeCertificate(der);
      return described.ok ? described.description : { problem: described.problem };
    }),
  };
}
