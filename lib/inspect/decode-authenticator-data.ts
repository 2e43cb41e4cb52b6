// Authenticator data (WebAuthn L3 §6.1): rpIdHash (32) ‖ flags (1) ‖ signCount (4) ‖ attested credential data (when
// AT) ‖ extensions (when ED). Parsed here rather than with SimpleWebAuthn's parseAuthenticatorData so that the
// embedded CBOR goes through the capped decoder first (security bar B19, B21).
import type { CBORType } from "@levischuck/tiny-cbor";
import { authenticatorName } from "@/lib/webauthn/authenticator-names";
import { toBase64url, toHex } from "./base64url";
import { describeCoseKey, type CoseKey, type DescribedCoseKey } from "./decode-cose-key";
import { decodeCborItem } from "./safe-cbor";

const FLAG_NAMES = [
  ["UP", "user present"],
  ["RFU1", "reserved"],
  ["UV", "user verified"],
  ["BE", "backup eligible"],
  ["BS", "backed up (backup state)"],
  ["RFU2", "reserved"],
  ["AT", "attested credential data included"],
  ["ED", "extension data included"],
] as const;

export type Flags = { up: boolean; uv: boolean; be: boolean; bs: boolean; at: boolean; ed: boolean; value: number };

export type AuthenticatorData = {
  bytes: Buffer;
  rpIdHash: Buffer;
  flags: Flags;
  signCount: number;
  attested?: { aaguid: string; credentialId: Buffer; publicKeyBytes: Buffer; publicKey: CoseKey };
  extensions?: CBORType;
};

const formatAaguid = (bytes: Buffer) => {
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export function parseAuthenticatorData(
  bytes: Buffer,
): { ok: true; data: AuthenticatorData } | { ok: false; problem: string } {
  if (bytes.length < 37)
    return { ok: false, problem: `authenticator data is ${bytes.length} bytes; at least 37 are needed` };
  const value = bytes[32];
  const bit = (n: number) => (value & (1 << n)) !== 0;
  const flags: Flags = { up: bit(0), uv: bit(2), be: bit(3), bs: bit(4), at: bit(6), ed: bit(7), value };
  const data: AuthenticatorData = { bytes, rpIdHash: bytes.subarray(0, 32), flags, signCount: bytes.readUInt32BE(33) };
  let pos = 37;
  try {
    if (flags.at) {
      if (bytes.length < pos + 18)
        return { ok: false, problem: "the AT flag is set but the attested credential data is cut short" };
      const aaguid = formatAaguid(bytes.subarray(pos, pos + 16));
      const idLength = bytes.readUInt16BE(pos + 16);
      pos += 18;
      if (bytes.length < pos + idLength)
        return { ok: false, problem: `the credential id claims ${idLength} bytes but fewer remain` };
      const credentialId = bytes.subarray(pos, pos + idLength);
      pos += idLength;
      const { value: key, end } = decodeCborItem(bytes, pos);
      if (!(key instanceof Map)) return { ok: false, problem: "the credential public key is not a CBOR map" };
      data.attested = { aaguid, credentialId, publicKeyBytes: bytes.subarray(pos, end), publicKey: key as CoseKey };
      pos = end;
    }
    if (flags.ed) {
      const { value: extensions, end } = decodeCborItem(bytes, pos);
      data.extensions = extensions;
      pos = end;
    }
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  // §6.1: the structure describes its own length; anything after it is not authenticator data.
  if (pos !== bytes.length)
    return { ok: false, problem: `${bytes.length - pos} bytes are left over after the authenticator data` };
  return { ok: true, data };
}

/** CBOR values as JSON people can read: byte strings as base64url, maps as objects. */
export function cborToJson(value: CBORType | undefined): unknown {
  if (value instanceof Uint8Array) return toBase64url(value);
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), cborToJson(item)]));
  if (Array.isArray(value)) return value.map(cborToJson);
  if (typeof value === "bigint") return value.toString();
  if (value !== null && typeof value === "object") return String(value);
  return value;
}

export type DescribedAuthenticatorData = {
  length: number;
  rpIdHash: string;
  flags: { value: string; set: string; bits: { name: string; meaning: string; set: boolean }[] };
  signCount: number;
  attestedCredentialData?: {
    aaguid: string;
    provider: string;
    providerKnown: boolean;
    credentialId: string;
    credentialIdLength: number;
    credentialPublicKey: DescribedCoseKey;
  };
  extensions?: unknown;
};

export function describeAuthenticatorData(data: AuthenticatorData): DescribedAuthenticatorData {
  const provider = data.attested ? authenticatorName(data.attested.aaguid) : undefined;
  return {
    length: data.bytes.length,
    rpIdHash: toHex(data.rpIdHash),
    flags: {
      value: `0x${data.flags.value.toString(16).padStart(2, "0")}`,
      set:
        FLAG_NAMES.filter((_, index) => (data.flags.value & (1 << index)) !== 0)
          .map(([name]) => name)
          .join(", ") || "none",
      bits: FLAG_NAMES.map(([name, meaning], index) => ({
        name,
        meaning,
        set: (data.flags.value & (1 << index)) !== 0,
      })),
    },
    signCount: data.signCount,
    attestedCredentialData:
      data.attested && provider
        ? {
            aaguid: data.attested.aaguid,
            provider: provider.name,
            providerKnown: provider.known,
            credentialId: toBase64url(data.attested.credentialId),
            credentialIdLength: data.attested.credentialId.length,
            credentialPublicKey: describeCoseKey(data.attested.publicKey),
          }
        : undefined,
    extensions: data.extensions === undefined ? undefined : cborToJson(data.extensions),
  };
}
