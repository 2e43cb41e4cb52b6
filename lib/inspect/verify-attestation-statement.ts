// Each attestation statement format's verification procedure (WebAuthn L3 §8), judged by us. SimpleWebAuthn judges
// certificate dates with today's clock and chains android-key and apple to process-wide roots, so its verdict cannot
// answer "was this valid on the day it was captured?"; dates and trust are separate steps here (certificate validity
// as of `now`, attestation trust). The library's own verdict is still reported beside ours.
import { createHash, X509Certificate } from "node:crypto";
import type { AuthenticatorData } from "./decode-authenticator-data";
import { certificateExtension } from "./decode-certificate";
import { coseKeyToKeyObject } from "./decode-cose-key";
import { readChildren, readTlv } from "./der";
import { verifyWithCertificate, verifyWithCoseKey } from "./verify-signature";
import type { StatementCheck, StatementInput } from "./statement-types";
import { verifyTpmStatement } from "./verify-tpm-statement";

export type { StatementCheck, StatementInput };

const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

function sameKeyAsCredential(certificate: X509Certificate, authData: AuthenticatorData): boolean {
  if (!authData.attested) return false;
  const credential = coseKeyToKeyObject(authData.attested.publicKey);
  if (!credential.ok) return false;
  const spki = (key: typeof certificate.publicKey) => key.export({ type: "spki", format: "der" });
  return spki(certificate.publicKey).equals(spki(credential.key));
}

async function leafSignature(input: StatementInput, leaf: X509Certificate) {
  const alg = input.attStmt.get("alg");
  const sig = input.attStmt.get("sig");
  if (typeof alg !== "number" || !(sig instanceof Uint8Array))
    return { ok: false, text: "attStmt lacks a numeric alg or a byte-string sig" };
  const signed = Buffer.concat([input.authData.bytes, input.clientDataHash]);
  const check = await verifyWithCertificate(input.x5c[0], leaf.publicKey, alg, signed, sig);
  return {
    ok: check.ok,
    text: check.ok
      ? `sig verifies with the attestation certificate (alg ${alg}; ${check.by})`
      : `sig does not verify with the attestation certificate (alg ${alg}; ${check.problem ?? check.by})`,
  };
}

// §8.2 packed: full (x5c) or self attestation.
async function verifyPacked(input: StatementInput): Promise<StatementCheck> {
  const { attStmt, authData } = input;
  if (input.x5c.length === 0) {
    const alg = attStmt.get("alg");
    const sig = attStmt.get("sig");
    if (!authData.attested || !(sig instanceof Uint8Array))
      return { ok: false, message: "self attestation without sig or credential key", attestationType: "self" };
    // "Validate that alg matches the algorithm of the credentialPublicKey in authenticatorData."
    if (alg !== authData.attested.publicKey.get(3)) {
      return {
        ok: false,
        message: `self attestation alg ${String(alg)} differs from the credential key's alg ${String(authData.attested.publicKey.get(3))}`,
        attestationType: "self",
      };
    }
    const check = await verifyWithCoseKey(
      authData.attested.publicKey,
      authData.attested.publicKeyBytes,
      Buffer.concat([authData.bytes, input.clientDataHash]),
      sig,
    );
    return {
      ok: check.ok,
      message: check.ok
        ? `self attestation: sig verifies with the credential key (${check.by})`
        : `self attestation: sig does not verify (${check.problem ?? check.by})`,
      attestationType: "self",
    };
  }
  const leaf = new X509Certificate(input.x5c[0]);
  const signature = await leafSignature(input, leaf);
  if (!signature.ok) return { ok: false, message: signature.text, attestationType: "basic or AttCA" };
  // §8.2.1 certificate requirements.
  const subject = (leaf.subject ?? "").split("\n");
  const problems: string[] = [];
  if (!subject.includes("OU=Authenticator Attestation")) problems.push('subject OU is not "Authenticator Attestation"');
  if (!subject.some((part) => /^C=[A-Z]{2}$/.test(part))) problems.push("subject C is not a two-letter country code");
  if (!subject.some((part) => part.startsWith("O=") && part.length > 2)) problems.push("subject O is empty");
  if (!subject.some((part) => part.startsWith("CN=") && part.length > 3)) problems.push("subject CN is empty");
  if (leaf.ca) problems.push("basic constraints say CA");
  const aaguidExtension = certificateExtension(input.x5c[0], "1.3.6.1.4.1.45724.1.1.4");
  if (aaguidExtension && authData.attested) {
    const inner = readTlv(aaguidExtension).content.toString("hex");
    if (inner !== authData.attested.aaguid.replace(/-/g, ""))
      problems.push("the certificate's AAGUID extension differs from authData's AAGUID");
  }
  if (problems.length > 0)
    return {
      ok: false,
      message: `${signature.text}, but the certificate breaks §8.2.1: ${problems.join("; ")}`,
      attestationType: "basic or AttCA",
    };
  return { ok: true, message: `${signature.text}; the certificate meets §8.2.1`, attestationType: "basic or AttCA" };
}

// §8.6 fido-u2f.
async function verifyFidoU2f(input: StatementInput): Promise<StatementCheck> {
  const { authData, attStmt } = input;
  const sig = attStmt.get("sig");
  const key = authData.attested?.publicKey;
  if (input.x5c.length !== 1)
    return {
      ok: false,
      message: `x5c must hold exactly one certificate, it holds ${input.x5c.length}`,
      attestationType: "basic or AttCA",
    };
  if (!(sig instanceof Uint8Array) || !key || !authData.attested)
    return {
      ok: false,
      message: "attStmt lacks sig, or authData lacks a credential",
      attestationType: "basic or AttCA",
    };
  const x = key.get(-2);
  const y = key.get(-3);
  if (
    key.get(1) !== 2 ||
    key.get(-1) !== 1 ||
    !(x instanceof Uint8Array) ||
    !(y instanceof Uint8Array) ||
    x.length !== 32 ||
    y.length !== 32
  ) {
    return {
      ok: false,
      message: "the credential key is not an EC2 P-256 key, which U2F requires",
      attestationType: "basic or AttCA",
    };
  }
  // The AAGUID of a U2F authenticator is zero (FIDO conformance Resp-8).
  if (authData.attested.aaguid !== ZERO_AAGUID)
    return {
      ok: false,
      message: `AAGUID is ${authData.attested.aaguid}; a U2F attestation has a zero AAGUID`,
      attestationType: "basic or AttCA",
    };
  const verificationData = Buffer.concat([
    Buffer.from([0]),
    authData.rpIdHash,
    input.clientDataHash,
    authData.attested.credentialId,
    Buffer.from([4]),
    x,
    y,
  ]);
  const leaf = new X509Certificate(input.x5c[0]);
  const check = await verifyWithCertificate(input.x5c[0], leaf.publicKey, -7, verificationData, sig);
  return {
    ok: check.ok,
    message: check.ok
      ? `the U2F registration signature verifies with the attestation certificate (${check.by})`
      : `the U2F registration signature does not verify (${check.problem ?? check.by})`,
    attestationType: "basic or AttCA",
  };
}

// §8.4 android-key.
async function verifyAndroidKey(input: StatementInput): Promise<StatementCheck> {
  if (input.x5c.length === 0) return { ok: false, message: "x5c is missing", attestationType: "basic" };
  const leaf = new X509Certificate(input.x5c[0]);
  const signature = await leafSignature(input, leaf);
  if (!signature.ok) return { ok: false, message: signature.text, attestationType: "basic" };
  if (!sameKeyAsCredential(leaf, input.authData))
    return {
      ok: false,
      message: "the attestation certificate's key is not the credential key",
      attestationType: "basic",
    };
  const extension = certificateExtension(input.x5c[0], "1.3.6.1.4.1.11129.2.1.17");
  if (!extension)
    return { ok: false, message: "the certificate has no Android key attestation extension", attestationType: "basic" };
  // KeyDescription ::= SEQUENCE { attestationVersion, attestationSecurityLevel, keymasterVersion, keymasterSecurityLevel, attestationChallenge OCTET STRING, ... }
  const challenge = readChildren(readTlv(extension).content)[4]?.content;
  if (!challenge?.equals(input.clientDataHash))
    return {
      ok: false,
      message: "attestationChallenge in the key description is not the client data hash",
      attestationType: "basic",
    };
  return {
    ok: true,
    message: `${signature.text}; the certificate holds the credential key and attestationChallenge = clientDataHash`,
    attestationType: "basic",
  };
}

// §8.8 apple anonymous.
function verifyApple(input: StatementInput): StatementCheck {
  if (input.x5c.length === 0) return { ok: false, message: "x5c is missing", attestationType: "anonymization CA" };
  const nonce = createHash("sha256")
    .update(Buffer.concat([input.authData.bytes, input.clientDataHash]))
    .digest();
  const extension = certificateExtension(input.x5c[0], "1.2.840.113635.100.8.2");
  if (!extension)
    return {
      ok: false,
      message: "credCert has no nonce extension (1.2.840.113635.100.8.2)",
      attestationType: "anonymization CA",
    };
  // SEQUENCE { [1] EXPLICIT OCTET STRING nonce }
  const tagged = readChildren(readTlv(extension).content)[0];
  const certNonce = tagged ? readTlv(tagged.content).content : undefined;
  if (!certNonce?.equals(nonce))
    return {
      ok: false,
      message: "the certificate's nonce is not SHA-256(authData ‖ clientDataHash)",
      attestationType: "anonymization CA",
    };
  if (!sameKeyAsCredential(new X509Certificate(input.x5c[0]), input.authData))
    return { ok: false, message: "credCert's key is not the credential key", attestationType: "anonymization CA" };
  return {
    ok: true,
    message: "the certificate's nonce is SHA-256(authData ‖ clientDataHash) and its key is the credential key",
    attestationType: "anonymization CA",
  };
}

export async function verifyAttestationStatement(input: StatementInput): Promise<StatementCheck> {
  try {
    switch (input.fmt) {
      case "none":
        return input.attStmt.size === 0
          ? { ok: true, message: "none: attStmt is empty, as §8.7 requires", attestationType: "none" }
          : { ok: false, message: "fmt is none but attStmt is not empty (§8.7)", attestationType: "none" };
      case "packed":
        return await verifyPacked(input);
      case "fido-u2f":
        return await verifyFidoU2f(input);
      case "android-key":
        return await verifyAndroidKey(input);
      case "apple":
        return verifyApple(input);
      case "tpm":
        return await verifyTpmStatement(input);
      default:
        return {
          ok: null,
          message: `the inspector has no verifier of its own for "${input.fmt}"; see SimpleWebAuthn's verdict`,
          attestationType: "unknown",
        };
    }
  } catch (error) {
    return {
      ok: false,
      message: `the statement could not be read: ${(error as Error).message}`,
      attestationType: "unknown",
    };
  }
}
