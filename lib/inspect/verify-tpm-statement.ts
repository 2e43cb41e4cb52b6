// §8.3 tpm: certInfo (TPMS_ATTEST) signed by the AIK certificate, certifying pubArea (TPMT_PUBLIC), which must be the
// credential key. Layouts: TPM 2.0 Library Part 2 §10.12.8 (TPMS_ATTEST) and §12.2.4 (TPMT_PUBLIC). Ours because
// SimpleWebAuthn refuses an AIK certificate that has expired today and a manufacturer it does not list, neither of
// which §8.3 asks.
import { createHash, X509Certificate } from "node:crypto";
import type { StatementCheck, StatementInput } from "./statement-types";
import { certificateExtension } from "./decode-certificate";
import { verifyWithCertificate } from "./verify-signature";

const TPM_HASHES: Record<number, string> = { 0x0004: "sha1", 0x000b: "sha256", 0x000c: "sha384", 0x000d: "sha512" };
const ALG_HASHES: Record<number, string> = {
  [-65535]: "sha1",
  [-257]: "sha256",
  [-258]: "sha384",
  [-259]: "sha512",
  [-37]: "sha256",
  [-38]: "sha384",
  [-39]: "sha512",
  [-7]: "sha256",
  [-35]: "sha384",
  [-36]: "sha512",
};
const TPM_CURVES: Record<number, number> = { 0x0003: 1, 0x0004: 2, 0x0005: 3 };

class Reader {
  pos = 0;
  constructor(readonly data: Buffer) {}
  take(size: number): Buffer {
    if (this.pos + size > this.data.length) throw new Error("TPM structure ends early");
    const part = this.data.subarray(this.pos, this.pos + size);
    this.pos += size;
    return part;
  }
  u16 = () => this.take(2).readUInt16BE();
  u32 = () => this.take(4).readUInt32BE();
  sized = () => this.take(this.u16());
}

function parsePubArea(data: Buffer) {
  const reader = new Reader(data);
  const type = reader.u16();
  const nameAlg = reader.u16();
  reader.u32(); // objectAttributes
  reader.sized(); // authPolicy
  if (reader.u16() !== 0x0010) throw new Error("pubArea has a symmetric algorithm; an attestation key has none");
  reader.u16(); // scheme
  if (type === 0x0001) {
    reader.u16(); // keyBits
    const exponent = reader.u32() || 65537;
    return { type: "RSA" as const, nameAlg, exponent, n: reader.sized() };
  }
  if (type === 0x0023) {
    const curve = reader.u16();
    reader.u16(); // kdf
    return { type: "ECC" as const, nameAlg, curve, x: reader.sized(), y: reader.sized() };
  }
  throw new Error(`pubArea type 0x${type.toString(16)} is neither RSA nor ECC`);
}

function parseCertInfo(data: Buffer) {
  const reader = new Reader(data);
  const magic = reader.u32();
  const type = reader.u16();
  reader.sized(); // qualifiedSigner
  const extraData = reader.sized();
  reader.take(17 + 8); // clockInfo, firmwareVersion
  return { magic, type, extraData, attestedName: reader.sized() };
}

export async function verifyTpmStatement(input: StatementInput): Promise<StatementCheck> {
  const type = "AttCA";
  const { attStmt, authData } = input;
  const alg = attStmt.get("alg");
  const sig = attStmt.get("sig");
  const certInfoBytes = attStmt.get("certInfo");
  const pubAreaBytes = attStmt.get("pubArea");
  if (attStmt.get("ver") !== "2.0")
    return { ok: false, message: `ver is ${String(attStmt.get("ver"))}, not "2.0"`, attestationType: type };
  if (
    typeof alg !== "number" ||
    !(sig instanceof Uint8Array) ||
    !(certInfoBytes instanceof Uint8Array) ||
    !(pubAreaBytes instanceof Uint8Array)
  ) {
    return { ok: false, message: "attStmt lacks alg, sig, certInfo or pubArea", attestationType: type };
  }
  if (input.x5c.length === 0 || !authData.attested)
    return { ok: false, message: "x5c (the AIK certificate) or the credential is missing", attestationType: type };
  const pubArea = parsePubArea(Buffer.from(pubAreaBytes));
  const key = authData.attested.publicKey;
  const bytes = (label: number) => Buffer.from((key.get(label) as Uint8Array | undefined) ?? []);
  const keyMatches =
    pubArea.type === "RSA"
      ? key.get(1) === 3 &&
        pubArea.n.equals(bytes(-1)) &&
        BigInt(pubArea.exponent) === BigInt(`0x${bytes(-2).toString("hex") || "0"}`)
      : key.get(1) === 2 &&
        TPM_CURVES[pubArea.curve] === key.get(-1) &&
        pubArea.x.equals(bytes(-2)) &&
        pubArea.y.equals(bytes(-3));
  if (!keyMatches)
    return { ok: false, message: "pubArea does not hold the credential public key", attestationType: type };
  const certInfo = parseCertInfo(Buffer.from(certInfoBytes));
  if (certInfo.magic !== 0xff544347)
    return { ok: false, message: "certInfo.magic is not TPM_GENERATED_VALUE", attestationType: type };
  if (certInfo.type !== 0x8017)
    return { ok: false, message: "certInfo.type is not TPM_ST_ATTEST_CERTIFY", attestationType: type };
  const hashName = ALG_HASHES[alg];
  if (!hashName) return { ok: false, message: `alg ${alg} has no hash the inspector knows`, attestationType: type };
  const attToBeSigned = Buffer.concat([authData.bytes, input.clientDataHash]);
  if (!certInfo.extraData.equals(createHash(hashName).update(attToBeSigned).digest())) {
    return {
      ok: false,
      message: `certInfo.extraData is not ${hashName}(authData ‖ clientDataHash)`,
      attestationType: type,
    };
  }
  const nameHash = TPM_HASHES[pubArea.nameAlg];
  const expectedName = nameHash
    ? Buffer.concat([
        Buffer.from([pubArea.nameAlg >> 8, pubArea.nameAlg & 0xff]),
        createHash(nameHash).update(pubAreaBytes).digest(),
      ])
    : undefined;
  if (!expectedName?.equals(certInfo.attestedName))
    return { ok: false, message: "certInfo.attested.name is not the name of pubArea", attestationType: type };
  const aik = new X509Certificate(input.x5c[0]);
  const signature = await verifyWithCertificate(input.x5c[0], aik.publicKey, alg, certInfoBytes, sig);
  if (!signature.ok)
    return {
      ok: false,
      message: `sig over certInfo does not verify with the AIK certificate (${signature.problem ?? signature.by})`,
      attestationType: type,
    };
  // §8.3.1 AIK certificate requirements.
  const problems: string[] = [];
  if ((aik.subject ?? "") !== "") problems.push("its subject is not empty");
  if (aik.ca) problems.push("its basic constraints say CA");
  if (!aik.keyUsage?.includes("2.23.133.8.3"))
    problems.push("its extended key usage lacks tcg-kp-AIKCertificate (2.23.133.8.3)");
  if (!certificateExtension(input.x5c[0], "2.5.29.17"))
    problems.push("it has no subject alternative name (TPM manufacturer, model, version)");
  if (problems.length > 0)
    return {
      ok: false,
      message: `sig verifies, but the AIK certificate breaks §8.3.1: ${problems.join("; ")}`,
      attestationType: type,
    };
  return {
    ok: true,
    message: `pubArea is the credential key, certInfo certifies it with extraData = ${hashName}(authData ‖ clientDataHash), and sig verifies with the AIK certificate (${signature.by}); the TPM manufacturer is not judged against a vendor list`,
    attestationType: type,
  };
}
