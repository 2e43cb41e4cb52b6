// The wizard's findings, fix steps and browser-error explanations in every language (issue 16): every snapshot in
// test-snapshots.ts, in every variation a rule branches on, evaluated in es, zh and ar with no message missing or
// broken (next-intl's onError), and the Spanish words free of English. The technical evidence (`detail`) stays English
// for staff and is not checked.
import type { IntlError } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { type CeremonyError, explainCeremonyError } from "./browser-errors";
import { DOM_EXCEPTION_NAMES, WEBAUTHN_ERROR_CODES } from "./ceremony-error-names";
import { domExceptionExplanations } from "./dom-exception-explanations";
import type { Finding } from "./finding";
import { evaluateEnvironment } from "./findings";
import { noJavaScriptFinding } from "./findings-basics";
import { detectPlatform } from "./platform";
import { serverUnreachableFinding } from "./server-unreachable";
import type { EnvironmentSnapshot } from "./snapshot";
import { UA, uaOnly } from "./test-snapshots";
import { compatTranslators } from "./test-translators";

const credential = { present: true, constructorName: "PublicKeyCredential", native: true, wrappedGet: false };

/** What the rules branch on, one variation at a time. */
const VARIATIONS: Record<string, Partial<EnvironmentSnapshot>> = {
  healthy: {},
  "no passkey API": { publicKeyCredential: { present: false } },
  "not secure": {
    isSecureContext: false,
    location: { origin: "http://passkeys.example", protocol: "http:", hostname: "passkeys.example" },
  },
  "not secure, no location": { isSecureContext: false, location: null, publicKeyCredential: { present: false } },
  "LAN IP": { location: { origin: "https://192.168.1.20", protocol: "https:", hostname: "192.168.1.20" } },
  "loopback IP": { location: { origin: "http://127.0.0.1:3000", protocol: "http:", hostname: "127.0.0.1" } },
  "cross-origin iframe": { inIframe: true, crossOriginIframe: true },
  "same-origin iframe": { inIframe: true, crossOriginIframe: false },
  "iframe, no location": { inIframe: true, crossOriginIframe: null, location: null },
  "cookies dropped": { cookieRoundTrip: "failed" },
  "server unreachable": { serverReachable: "failed" },
  "nothing answered": {
    userAgent: "",
    isSecureContext: null,
    inIframe: null,
    cookieRoundTrip: null,
    serverReachable: null,
    publicKeyCredential: null,
    isUVPAA: null,
    conditionalMediation: null,
    jsonHelpers: null,
    signalApi: null,
  },
  "no built-in authenticator, no autofill": { isUVPAA: false, conditionalMediation: false },
  "autofill unknown": { conditionalMediation: null },
  capabilities: {
    isUVPAA: null,
    clientCapabilities: {
      conditionalMediation: false,
      hybridTransport: false,
      passkeyPlatformAuthenticator: false,
      userVerifyingPlatformAuthenticator: true,
      conditionalCreate: false,
      immediateGet: false,
      "extension:prf": false,
      relatedOrigins: true,
      signalCurrentUserDetails: false,
      "extension:largeBlob": false,
    },
  },
  "capabilities left out": { clientCapabilities: { conditionalGet: true, "extension:prf": true } },
  "old JSON helpers, no signals": {
    jsonHelpers: { parseCreationOptionsFromJSON: false, parseRequestOptionsFromJSON: false, toJSON: true },
    signalApi: { signalUnknownCredential: false, signalAllAcceptedCredentials: false, signalCurrentUserDetails: false },
  },
  "signals read from capabilities": { signalApi: null, clientCapabilities: { signalAllAcceptedCredentials: false } },
  "Bitwarden's stand-in": { publicKeyCredential: { ...credential, constructorName: "PolyfillPublicKeyCredential" } },
  "another stand-in": { publicKeyCredential: { ...credential, native: false } },
  "wrapped requests": {
    publicKeyCredential: { ...credential, wrappedCreate: true, ownPropertiesOnCredentials: ["get"] },
  },
};

const SNAPSHOTS: [string, EnvironmentSnapshot][] = Object.entries(UA).flatMap(([browser, userAgent]) =>
  Object.entries(VARIATIONS).map(([variation, overrides]): [string, EnvironmentSnapshot] => [
    `${browser}, ${variation}`,
    uaOnly(userAgent, overrides),
  ]),
);

const ERRORS: CeremonyError[] = (["create", "get"] as const).flatMap((ceremony) => [
  ...DOM_EXCEPTION_NAMES.map((name) => ({ name, ceremony })),
  ...WEBAUTHN_ERROR_CODES.map((code) => ({ code, name: "NotAllowedError", ceremony })),
  ...["The document is not focused.", "publickey-credentials-get is not allowed", "A request is already pending."].map(
    (message) => ({ name: "NotAllowedError", message, ceremony }),
  ),
  { name: "NotAllowedError", ceremony, elapsedMs: 299_000, timeoutMs: 300_000 },
  { name: "SomethingNewError", ceremony },
]);

/** Every sentence a person reads, the technical detail aside. */
function wordsOf(finding: Finding): string[] {
  return [
    finding.title,
    finding.meaning,
    ...(finding.fix === null ? [] : [finding.fix]),
    ...(finding.causes ?? []).flatMap(({ cause, fix }) => [cause, fix]),
  ];
}

/** Everything lib/compat says in one language, and every message next-intl could not find or format. */
function everything(locale: Locale): { sentences: string[]; problems: string[] } {
  const problems: string[] = [];
  const translators = compatTranslators(locale, (error: IntlError) => problems.push(`${error.code}: ${error.message}`));
  const sentences = [
    ...SNAPSHOTS.flatMap(([, snapshot]) =>
      evaluateEnvironment(snapshot, detectPlatform(snapshot), translators).flatMap(wordsOf),
    ),
    ...wordsOf(noJavaScriptFinding(translators.findings)),
    ...wordsOf(serverUnreachableFinding(translators.findings)),
    ...SNAPSHOTS.flatMap(([, snapshot]) =>
      ERRORS.flatMap((error) => {
        const {
          cause,
          fix,
          causes = [],
          fixes = [],
        } = explainCeremonyError(error, translators, detectPlatform(snapshot));
        return [cause, fix, ...causes, ...fixes];
      }),
    ),
  ];
  return { sentences, problems };
}

// Words Spanish never uses: one of them in a Spanish sentence is an English string left behind. Brand and product
// names and API identifiers are single words that are not in this list.
const ENGLISH_ONLY = new Set(
  "the and your you with of is are for this that to in on it be not can cannot passkey passkeys password browser open update settings sign device".split(
    " ",
  ),
);

/** Names that hold such words: Windows Update (so called in Spanish too), 1Password, web addresses. */
const NAMES_KEPT = /Windows Update|1Password|https?:\/\/\S+/g;

describe("lib/compat in every language", () => {
  it("explains every DOMException name it is sent", () => {
    expect([...DOM_EXCEPTION_NAMES].sort()).toEqual(Object.keys(domExceptionExplanations).sort());
  });

  for (const locale of ["es", "zh", "ar"] as const) {
    it(`${locale}: every finding, fix step and explanation has its message`, () => {
      const { sentences, problems } = everything(locale);
      expect(sentences.length).toBeGreaterThan(1000);
      expect([...new Set(problems)]).toEqual([]);
      expect(sentences.filter((sentence) => sentence.trim() === "")).toEqual([]);
    });
  }

  it("es: no English sentence left", () => {
    const english = [...new Set(everything("es").sentences)].filter((sentence) =>
      sentence
        .replace(NAMES_KEPT, " ")
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .some((word) => ENGLISH_ONLY.has(word)),
    );
    expect(english).toEqual([]);
  });

  it("en still reads as before, and the other languages differ from it", () => {
    const [, snapshot] = SNAPSHOTS[0]!;
    const inEnglish = evaluateEnvironment(snapshot, detectPlatform(snapshot), compatTranslators("en"));
    expect(inEnglish.find((found) => found.id === "secure-context")?.meaning).toBe(
      "The connection is secure, as passkeys require.",
    );
    for (const locale of ["es", "zh", "ar"] as const) {
      const translated = evaluateEnvironment(snapshot, detectPlatform(snapshot), compatTranslators(locale));
      expect(translated.map((found) => [found.id, found.status])).toEqual(
        inEnglish.map((found) => [found.id, found.status]),
      );
      expect(translated.find((found) => found.id === "secure-context")?.meaning).not.toBe(
        inEnglish.find((found) => found.id === "secure-context")?.meaning,
      );
    }
  });
});
