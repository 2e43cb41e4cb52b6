// A software authenticator that answers WebAuthn options the way a real one does: real keys, real signatures, real
// CBOR. It shares no code with lib/webauthn (our verifier), so a bug there cannot hide itself in tests that use this.
// Formats so far: "none" attestation with ES256 keys; flags and the signature counter are under the caller's control.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";

/** CBOR as authenticators write it (shortest lengths, Maps with integer keys for COSE). */
const cbor = (value: CBORType): Buffer => Buffer.from(encodeCBOR(value));

export type Flags = { up: boolean; uv: boolean; be: boolean; bs: boolean };

type StoredCredential = { id: Buffer; privateKey: KeyObject; rpId: string; userHandle: string; signCount: number };

const FLAG_BITS = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, at: 0x40 } as const;

function sha256(data: Buffer | string): Buffer {
  return createHash("sha256").update(data).digest();
}

function flagsByte(flags: Flags, attestedCredentialData: boolean): number {
  let byte = attestedCredentialData ? FLAG_BITS.at : 0;
  for (const name of ["up", "uv", "be", "bs"] as const) if (flags[name]) byte |= FLAG_BITS[name];
  return byte;
}

function authenticatorData(rpId: string, flags: Flags, signCount: number, attested?: Buffer): Buffer {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(signCount);
  return Buffer.concat([sha256(rpId), Buffer.from([flagsByte(flags, Boolean(attested))]), counter, attested ?? Buffer.alloc(0)]);
}

/** COSE_Key for an EC2 P-256 public key, alg ES256 (RFC 9053 §7.1). */
function coseEs256(privateKey: KeyObject): Buffer {
  const jwk = privateKey.export({ format: "jwk" });
  return cbor(
    new Map<number, CBORType>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
    ]),
  );
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

export class SoftwareAuthenticator {
  readonly aaguid: Buffer;
  private readonly credentials = new Map<string, StoredCredential>();

  constructor(options: { aaguid?: string } = {}) {
    this.aaguid = Buffer.from((options.aaguid ?? "00000000-0000-0000-0000-000000000000").replace(/-/g, ""), "hex");
  }

  /** navigator.credentials.create(): makes a new ES256 credential and answers with "none" attestation. */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
    flags: Partial<Flags> = {},
  ): RegistrationResponseJSON {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const id = randomBytes(32);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const attested = Buffer.concat([this.aaguid, idLength, id, coseEs256(privateKey)]);
    const allFlags: Flags = { up: true, uv: true, be: false, bs: false, ...flags };
    const authData = authenticatorData(rpId, allFlags, 0, attested);
    this.credentials.set(id.toString("base64url"), { id, privateKey, rpId, userHandle: options.user.id, signCount: 0 });
    const credentialId = id.toString("base64url");
    return {
      id: credentialId,
      rawId: credentialId,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: clientData("webauthn.create", options.challenge, origin).toString("base64url"),
        attestationObject: cbor(
          new Map<string, CBORType>([
            ["fmt", "none"],
            ["attStmt", new Map<string, CBORType>()],
            ["authData", new Uint8Array(authData)],
          ]),
        ).toString("base64url"),
        transports: ["internal"],
      },
    };
  }

  /**
   * navigator.credentials.get(): signs with the first credential allowed (or any for this RP when none is listed).
   * `signCount` overrides the next counter value (default: one more than the last).
   */
  authenticate(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    choices: { credentialId?: string; flags?: Partial<Flags>; signCount?: number } = {},
  ): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(origin).hostname;
    const allowed = options.allowCredentials?.map((credential) => credential.id);
    const credential = [...this.credentials.values()].find(
      (candidate) =>
        candidate.rpId === rpId &&
        (choices.credentialId ? candidate.id.toString("base64url") === choices.credentialId : true) &&
        (allowed?.length ? allowed.includes(candidate.id.toString("base64url")) : true),
    );
    if (!credential) throw new Error("NotAllowedError: no credential for this request");
    credential.signCount = choices.signCount ?? credential.signCount + 1;
    const authData = authenticatorData(rpId, { up: true, uv: true, be: false, bs: false, ...choices.flags }, credential.signCount);
    const clientDataJSON = clientData("webauthn.get", options.challenge, origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    const id = credential.id.toString("base64url");
    return {
      id,
      rawId: id,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: clientDataJSON.toString("base64url"),
        authenticatorData: authData.toString("base64url"),
        signature: signature.toString("base64url"),
        userHandle: credential.userHandle,
      },
    };
  }
}
