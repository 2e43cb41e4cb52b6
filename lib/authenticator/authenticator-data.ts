// Authenticator data (WebAuthn L3 §6.1): rpIdHash || flags || signCount || [attested credential data] || [extensions].
import type { CBORType } from "@levischuck/tiny-cbor";
import { cbor, sha256, uint16, uint32 } from "./bytes";

/**
 * Flag bits (WebAuthn L3 §6.1). `at` and `ed` follow the data by default (set when attested credential data or
 * extensions are present); set them explicitly to produce a mismatch.
 */
export type Flags = { up: boolean; uv: boolean; be: boolean; bs: boolean; at?: boolean; ed?: boolean };

export const FLAG_BITS = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, at: 0x40, ed: 0x80 } as const;

/** Authenticator extension outputs, e.g. new Map([["credProtect", 2]]). */
export type ExtensionOutputs = Map<string, CBORType>;

export type AuthenticatorDataParts = {
  rpId: string;
  flags: Flags;
  signCount: number;
  attestedCredentialData?: Buffer;
  extensions?: ExtensionOutputs;
};

export function flagsByte(flags: Flags, hasAttestedData: boolean, hasExtensions: boolean): number {
  const present = { ...flags, at: flags.at ?? hasAttestedData, ed: flags.ed ?? hasExtensions };
  let byte = 0;
  for (const name of ["up", "uv", "be", "bs", "at", "ed"] as const) if (present[name]) byte |= FLAG_BITS[name];
  return byte;
}

export function encodeAuthenticatorData(parts: AuthenticatorDataParts): Buffer {
  const { rpId, flags, signCount, attestedCredentialData, extensions } = parts;
  return Buffer.concat([
    sha256(rpId),
    Buffer.from([flagsByte(flags, Boolean(attestedCredentialData), Boolean(extensions))]),
    uint32(signCount),
    attestedCredentialData ?? Buffer.alloc(0),
    extensions ? cbor(extensions) : Buffer.alloc(0),
  ]);
}

/** Attested credential data (WebAuthn L3 §6.5.2): aaguid || credentialIdLength (u16) || credentialId || COSE_Key. */
export function encodeAttestedCredentialData(aaguid: Buffer, credentialId: Buffer, cosePublicKey: Buffer): Buffer {
  return Buffer.concat([aaguid, uint16(credentialId.length), credentialId, cosePublicKey]);
}
