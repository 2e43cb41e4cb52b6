// A software authenticator that answers WebAuthn options the way a real one does: real keys, real signatures, real
// CBOR, real X.509 attestation chains (from a test CA generated at runtime). It shares no code with lib/webauthn (our
// verifier), so a bug there cannot hide itself in tests that use this. Flags, counters, clientDataJSON, credential id
// length and extensions are under the caller's control; lib/authenticator/mutations.ts breaks the results on purpose.
import { createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import type {
  AuthenticationExtensionsClientOutputs,
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { CBORType } from "@levischuck/tiny-cbor";
import { attest, attestationSigner, formatSupportsAlgorithm, type AttestationFormat } from "./attestation";
import {
  encodeAttestedCredentialData,
  encodeAuthenticatorData,
  type ExtensionOutputs,
  type Flags,
} from "./authenticator-data";
import { byteString, cbor, sha256 } from "./bytes";
import { encodeClientData, type ClientDataOverrides } from "./client-data";
import {
  algorithmName,
  createSigner,
  encodeCosePublicKey,
  generateCredentialKey,
  type AlgorithmName,
  type Signer,
} from "./cose";

export type { Flags } from "./authenticator-data";

/** "increment": one more than the last use (default); "zero": always 0, like many passkey providers. */
export type SignCountMode = "increment" | "zero";

export type AuthenticatorOptions = {
  /** AAGUID as a UUID string; all zeros by default (and always for fido-u2f). */
  aaguid?: string;
  attestation?: AttestationFormat;
  /** Use this algorithm whatever pubKeyCredParams offers (to test a server's algorithm check). */
  algorithm?: AlgorithmName;
  signCountMode?: SignCountMode;
  /** Bytes in new credential ids (default 32); WebAuthn L3 caps it at 1023. */
  credentialIdLength?: number;
  /** Refuse to register when excludeCredentials lists one of ours (InvalidStateError), as real authenticators do. */
  honorExcludeCredentials?: boolean;
};

/** Flags at the top level (compatible with the original `flags` parameter), the rest per call. */
export type RegisterChoices = Partial<Flags> & {
  attestation?: AttestationFormat;
  algorithm?: AlgorithmName;
  credentialIdLength?: number;
  /** The counter in the registration's authenticator data (default 0). */
  signCount?: number;
  /** Authenticator extension outputs; sets ED and appends the CBOR map to the authenticator data. */
  extensions?: ExtensionOutputs;
  clientData?: ClientDataOverrides;
  clientExtensionResults?: AuthenticationExtensionsClientOutputs;
};

export type AuthenticateChoices = {
  credentialId?: string;
  flags?: Partial<Flags>;
  /** The counter to report; otherwise it follows the signCountMode. */
  signCount?: number;
  extensions?: ExtensionOutputs;
  clientData?: ClientDataOverrides;
  /** Overrides the stored user handle; null leaves userHandle out. */
  userHandle?: string | null;
  clientExtensionResults?: AuthenticationExtensionsClientOutputs;
};

export type StoredCredential = {
  id: Buffer;
  privateKey: KeyObject;
  algorithm: AlgorithmName;
  attestation: AttestationFormat;
  aaguid: Buffer;
  rpId: string;
  userHandle: string;
  signCount: number;
};

const DEFAULT_FLAGS: Flags = { up: true, uv: true, be: false, bs: false };
const ZERO_AAGUID = Buffer.alloc(16);

function domException(name: string, message: string): Error {
  return Object.assign(new Error(`${name}: ${message}`), { name });
}

/** The first offered algorithm we support (WebAuthn L3 §6.3.2 step 2); an empty list means ES256, RS256. */
function chooseAlgorithm(offered: { alg: number }[], format: AttestationFormat, forced?: AlgorithmName): AlgorithmName {
  if (forced) {
    if (!formatSupportsAlgorithm(format, forced))
      throw domException("NotSupportedError", `${format} cannot attest ${forced}`);
    return forced;
  }
  const ids = offered.length > 0 ? offered.map((param) => param.alg) : [-7, -257];
  for (const id of ids) {
    const name = algorithmName(id);
    if (name && formatSupportsAlgorithm(format, name)) return name;
  }
  throw domException("NotSupportedError", `no supported algorithm in [${ids.join(", ")}] for ${format}`);
}

export class SoftwareAuthenticator {
  readonly aaguid: Buffer;
  readonly options: Readonly<AuthenticatorOptions>;
  private readonly credentials = new Map<string, StoredCredential>();

  constructor(options: AuthenticatorOptions = {}) {
    this.options = { ...options };
    this.aaguid = Buffer.from((options.aaguid ?? "00000000-0000-0000-0000-000000000000").replace(/-/g, ""), "hex");
    if (this.aaguid.length !== 16) throw new Error(`an AAGUID is 16 bytes, got ${this.aaguid.length}`);
  }

  /** navigator.credentials.create(): makes a new credential and answers with the configured attestation. */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
    choices: RegisterChoices = {},
  ): RegistrationResponseJSON {
    const { attestation: chosenFormat, algorithm: forced, credentialIdLength, signCount = 0, ...rest } = choices;
    const { extensions, clientData, clientExtensionResults, ...flags } = rest;
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const format = chosenFormat ?? this.options.attestation ?? "none";
    if (
      this.options.honorExcludeCredentials &&
      options.excludeCredentials?.some((excluded) => this.credentials.has(excluded.id))
    ) {
      throw domException("InvalidStateError", "a credential in excludeCredentials is on this authenticator");
    }
    const algorithm = chooseAlgorithm(options.pubKeyCredParams, format, forced ?? this.options.algorithm);
    const privateKey = generateCredentialKey(algorithm);
    const id = randomBytes(credentialIdLength ?? this.options.credentialIdLength ?? 32);
    // fido-u2f authenticators have no AAGUID: the field is all zeros (WebAuthn L3 §8.6).
    const aaguid = format === "fido-u2f" ? ZERO_AAGUID : this.aaguid;
    const attested = encodeAttestedCredentialData(aaguid, id, encodeCosePublicKey(privateKey, algorithm));
    const authData = encodeAuthenticatorData({
      rpId,
      flags: { ...DEFAULT_FLAGS, ...flags },
      signCount,
      attestedCredentialData: attested,
      extensions,
    });
    const clientDataJSON = encodeClientData("webauthn.create", options.challenge, origin, clientData);
    const { fmt, attStmt } = attest(format, {
      authData,
      clientDataHash: sha256(clientDataJSON),
      rpIdHash: sha256(rpId),
      aaguid,
      credentialId: id,
      credentialKey: privateKey,
      algorithm,
    });
    const credentialId = id.toString("base64url");
    this.credentials.set(credentialId, {
      id,
      privateKey,
      algorithm,
      attestation: format,
      aaguid,
      rpId,
      userHandle: options.user.id,
      signCount,
    });
    // CTAP2 canonical order of the attestation object: fmt, attStmt, authData.
    const attestationObject = cbor(
      new Map<string, CBORType>([
        ["fmt", fmt],
        ["attStmt", attStmt],
        ["authData", byteString(authData)],
      ]),
    );
    const roaming = format === "fido-u2f";
    return {
      id: credentialId,
      rawId: credentialId,
      type: "public-key",
      clientExtensionResults: clientExtensionResults ?? {},
      authenticatorAttachment: roaming ? "cross-platform" : "platform",
      response: {
        clientDataJSON: clientDataJSON.toString("base64url"),
        attestationObject: attestationObject.toString("base64url"),
        transports: roaming ? ["usb"] : ["internal"],
      },
    };
  }

  /**
   * navigator.credentials.get(): signs with the first credential allowed (or any for this RP when none is listed).
   * `signCount` overrides the next counter value (default: one more than the last, or 0 in "zero" mode).
   */
  authenticate(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    choices: AuthenticateChoices = {},
  ): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(origin).hostname;
    const allowed = options.allowCredentials?.map((credential) => credential.id);
    const credential = [...this.credentials.values()].find(
      (candidate) =>
        candidate.rpId === rpId &&
        (choices.credentialId ? candidate.id.toString("base64url") === choices.credentialId : true) &&
        (allowed?.length ? allowed.includes(candidate.id.toString("base64url")) : true),
    );
    if (!credential) throw domException("NotAllowedError", "no credential for this request");
    const automatic = this.options.signCountMode === "zero" ? 0 : credential.signCount + 1;
    credential.signCount = choices.signCount ?? automatic;
    const authData = encodeAuthenticatorData({
      rpId,
      flags: { ...DEFAULT_FLAGS, ...choices.flags },
      signCount: credential.signCount,
      extensions: choices.extensions,
    });
    const clientDataJSON = encodeClientData("webauthn.get", options.challenge, origin, choices.clientData);
    const signature = this.credentialSigner(credential.id.toString("base64url")).sign(
      Buffer.concat([authData, sha256(clientDataJSON)]),
    );
    const id = credential.id.toString("base64url");
    const userHandle = choices.userHandle === undefined ? credential.userHandle : (choices.userHandle ?? undefined);
    return {
      id,
      rawId: id,
      type: "public-key",
      clientExtensionResults: choices.clientExtensionResults ?? {},
      authenticatorAttachment: credential.attestation === "fido-u2f" ? "cross-platform" : "platform",
      response: {
        clientDataJSON: clientDataJSON.toString("base64url"),
        authenticatorData: authData.toString("base64url"),
        signature: signature.toString("base64url"),
        ...(userHandle === undefined ? {} : { userHandle }),
      },
    };
  }

  /** A credential made by this authenticator: a copy, with the public key instead of the private one. */
  credential(credentialId: string): Omit<StoredCredential, "privateKey"> & { publicKey: KeyObject } {
    const { privateKey, ...rest } = this.stored(credentialId);
    return {
      ...rest,
      id: Buffer.from(rest.id),
      aaguid: Buffer.from(rest.aaguid),
      publicKey: createPublicKey(privateKey),
    };
  }

  /** The credential key as a signer: what assertion mutations need to re-sign what they changed. */
  credentialSigner(credentialId: string): Signer {
    const credential = this.stored(credentialId);
    return createSigner(credential.algorithm, credential.privateKey);
  }

  /** The key that signed the credential's attestation statement (none for "none" and "apple"). */
  attestationSigner(credentialId: string): Signer | undefined {
    const { attestation, aaguid, algorithm, privateKey } = this.stored(credentialId);
    return attestationSigner(attestation, { aaguid, algorithm, credentialKey: privateKey });
  }

  private stored(credentialId: string): StoredCredential {
    const credential = this.credentials.get(credentialId);
    if (!credential) throw new Error(`no credential ${credentialId} on this authenticator`);
    return credential;
  }
}
