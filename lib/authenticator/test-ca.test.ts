// The runtime test PKI and the certificates in attestation statements, read back with node:crypto's X509Certificate
// and @peculiar/asn1-x509 (not with anything the authenticator wrote them with).
import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeCBOR } from "@levischuck/tiny-cbor";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import { SoftwareAuthenticator } from "./software-authenticator";
import { sha256 } from "./bytes";
import { testCaRootDer, testCaRootPem } from "./test-ca";
import { creationOptions, ORIGIN } from "./test-support/simplewebauthn-oracle";

const AAGUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

function attestation(format: "packed-full" | "fido-u2f" | "apple") {
  const response = new SoftwareAuthenticator({ attestation: format, aaguid: AAGUID }).register(
    creationOptions(),
    ORIGIN,
  );
  const object = decodeCBOR(new Uint8Array(Buffer.from(response.response.attestationObject, "base64url"))) as Map<
    string,
    unknown
  >;
  const attStmt = object.get("attStmt") as Map<string, unknown>;
  const x5c = (attStmt.get("x5c") as Uint8Array[]).map((der) => Buffer.from(der));
  const clientDataHash = sha256(Buffer.from(response.response.clientDataJSON, "base64url"));
  return { x5c, authData: Buffer.from(object.get("authData") as Uint8Array), clientDataHash };
}

const extensionOf = (der: Buffer, oid: string) =>
  AsnConvert.parse(der, Certificate).tbsCertificate.extensions?.find((extension) => extension.extnID === oid);

describe("test root", () => {
  it("is a self-signed CA certificate, the same in PEM and DER, valid now", () => {
    const root = new X509Certificate(testCaRootPem());
    expect(root.raw.equals(testCaRootDer())).toBe(true);
    expect(root.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(new Date(root.validFrom) < new Date() && new Date() < new Date(root.validTo)).toBe(true);
  });
});

describe("packed attestation certificate (WebAuthn L3 §8.2.1)", () => {
  const { x5c } = attestation("packed-full");
  const [leaf, intermediate] = x5c.map((der) => new X509Certificate(der));

  it("is version 3 with C, O, OU=Authenticator Attestation and CN, and CA:false", () => {
    expect(AsnConvert.parse(x5c[0], Certificate).tbsCertificate.version).toBe(2); // v3 is encoded as 2
    expect(leaf.subject.split("\n")).toEqual([
      "C=US",
      "O=Passkey Lab",
      "OU=Authenticator Attestation",
      "CN=Passkey Lab Software Authenticator",
    ]);
    expect(leaf.ca).toBe(false);
    expect(new Date(leaf.validFrom) < new Date() && new Date() < new Date(leaf.validTo)).toBe(true);
  });

  it("carries the AAGUID as a DER OCTET STRING in a non-critical id-fido-gen-ce-aaguid extension", () => {
    const extension = extensionOf(x5c[0], "1.3.6.1.4.1.45724.1.1.4");
    expect(extension?.critical).toBe(false);
    const expected = Buffer.concat([Buffer.from([0x04, 0x10]), Buffer.from(AAGUID.replace(/-/g, ""), "hex")]);
    expect(Buffer.from(extension?.extnValue.buffer ?? new ArrayBuffer(0)).equals(expected)).toBe(true);
  });

  it("chains leaf -> intermediate -> root, with the root left out of x5c", () => {
    const root = new X509Certificate(testCaRootDer());
    expect(x5c).toHaveLength(2);
    expect(leaf.checkIssued(intermediate) && leaf.verify(intermediate.publicKey)).toBe(true);
    expect(intermediate.ca && intermediate.checkIssued(root) && intermediate.verify(root.publicKey)).toBe(true);
  });
});

describe("fido-u2f and apple certificates", () => {
  it("fido-u2f: exactly one certificate in x5c, issued by the root", () => {
    const { x5c } = attestation("fido-u2f");
    expect(x5c).toHaveLength(1);
    expect(new X509Certificate(x5c[0]).verify(new X509Certificate(testCaRootDer()).publicKey)).toBe(true);
  });

  it("apple: the nonce extension is exactly SEQUENCE { [1] EXPLICIT OCTET STRING SHA-256(authData || clientDataHash) }", () => {
    const { x5c, authData, clientDataHash } = attestation("apple");
    const nonce = sha256(Buffer.concat([authData, clientDataHash]));
    const extension = extensionOf(x5c[0], "1.2.840.113635.100.8.2");
    const expected = Buffer.concat([Buffer.from("3024a1220420", "hex"), nonce]);
    expect(Buffer.from(extension?.extnValue.buffer ?? new ArrayBuffer(0)).equals(expected)).toBe(true);
  });

  it("apple: the certificate's key is the credential's public key", () => {
    const authenticator = new SoftwareAuthenticator({ attestation: "apple" });
    const response = authenticator.register(creationOptions(), ORIGIN);
    const object = decodeCBOR(new Uint8Array(Buffer.from(response.response.attestationObject, "base64url"))) as Map<
      string,
      unknown
    >;
    const [leaf] = ((object.get("attStmt") as Map<string, unknown>).get("x5c") as Uint8Array[]).map(
      (der) => new X509Certificate(der),
    );
    expect(leaf.publicKey.equals(authenticator.credential(response.id).publicKey)).toBe(true);
  });
});
