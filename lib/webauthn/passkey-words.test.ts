import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import { describeAuthenticator } from "@/lib/mds/describe-authenticator";
import { ZERO_AAGUID } from "./authenticator-names";
import { clientInWords, passkeyInWords } from "./passkey-words";
import type { PasskeyView } from "./passkeys";

const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "passkeys" }),
  es: createTranslator({ locale: "es", messages: es, namespace: "passkeys" }),
  zh: createTranslator({ locale: "zh", messages: zh, namespace: "passkeys" }),
};

const metadata = describeAuthenticator({
  metadataStatement: { description: "Leaky Key", attestationRootCertificates: [] },
  statusReports: [{ status: "FIDO_CERTIFIED_L2" }, { status: "UPDATE_AVAILABLE" }],
});

const passkey: PasskeyView = {
  id: "credential-id",
  label: "Security key",
  aaguid: ZERO_AAGUID,
  authenticator: "Not disclosed by the authenticator",
  authenticatorKnown: false,
  metadata,
  createdAt: new Date("2026-12-07T10:00:00Z"),
  createdWith: "Chrome 143 on Linux",
  lastUsedAt: null,
  lastUsedWith: null,
  storage: "device-bound",
  transports: ["usb"],
  stale: false,
  canSignIn: true,
  addedAutomatically: false,
  prfEnabled: true,
};

describe("passkeyInWords", () => {
  it("keeps the English words English", () => {
    expect(passkeyInWords(passkey, translators.en)).toEqual({
      ...passkey,
      metadata: { ...metadata, certification: "FIDO Certified Level 2" },
    });
    expect(metadata.warnings).toEqual([{ status: "UPDATE_AVAILABLE", words: "A firmware update is available" }]);
  });

  it("says the browser, an undisclosed authenticator and the FIDO metadata in the page's language", () => {
    expect(passkeyInWords(passkey, translators.es)).toMatchObject({
      label: "Security key", // the person's own name for it (stored), never translated
      authenticator: "El autenticador no lo indica",
      createdWith: "Chrome 143 en Linux",
      lastUsedWith: null,
      metadata: {
        certification: "Certificado por FIDO, nivel 2",
        certificationStatus: "FIDO_CERTIFIED_L2",
        warnings: [{ status: "UPDATE_AVAILABLE", words: "Hay una actualización de firmware disponible" }],
      },
    });
    const unknown = { ...passkey, aaguid: "AB0D5E7A-0000-4000-8000-000000000001", lastUsedWith: "Unknown browser" };
    expect(passkeyInWords(unknown, translators.zh)).toMatchObject({
      authenticator: "未知身份验证器（ab0d5e7a-0000-4000-8000-000000000001）",
      createdWith: "Linux 上的 Chrome 143",
      lastUsedWith: "未知浏览器",
    });
  });

  it("leaves a known authenticator's name and a browser without an OS as they are", () => {
    const known = { ...passkey, authenticator: "YubiKey 5", authenticatorKnown: true, metadata: null };
    expect(passkeyInWords(known, translators.es).authenticator).toBe("YubiKey 5");
    expect(clientInWords("Firefox 140", translators.es)).toBe("Firefox 140");
    expect(clientInWords("Unknown browser on Windows 10", translators.es)).toBe("Navegador desconocido en Windows 10");
  });
});
