import type { KeyObject } from "node:crypto";
import type { CBORType } from "@levischuck/tiny-cbor";
import type { AlgorithmName, Signer } from "../cose";

/** The attestation statements this authenticator can produce (WebAuthn L3 §8). */
export const ATTESTATION_FORMATS = ["none", "packed-self", "packed-full", "fido-u2f", "apple"] as const;
export type AttestationFormat = (typeof ATTESTATION_FORMATS)[number];

/** Everything a format may sign or certify, for one new credential. */
export type AttestationInput = {
  authData: Buffer;
  clientDataHash: Buffer;
  rpIdHash: Buffer;
  aaguid: Buffer;
  credentialId: Buffer;
  credentialKey: KeyObject;
  algorithm: AlgorithmName;
};

/** The attestation object's `fmt` and `attStmt` members. */
export type AttestationStatement = { fmt: string; attStmt: Map<string, CBORType> };

/** An attestation private key with its certificate chain (leaf first, root left out, as x5c wants). */
export type AttestationKey = { signer: Signer; x5c: Buffer[] };
