// A passkey as listPasskeys describes it, with the words it carries said in the page's language: the browser it was
// made and last used with (stored as describeClient's English), an authenticator without a known name, and what the
// FIDO metadata says of its model. Names (a browser's, an OS's, an authenticator's, the person's label) stay as they are.
import { clientParts } from "@/lib/client-info";
import type { Translator } from "@/lib/i18n/translator";
import { trustInWords } from "@/lib/mds/trust-words";
import { ZERO_AAGUID } from "./authenticator-names";
import type { PasskeyView } from "./passkeys";
import type { UnnamedPasskeyWords } from "./registration";

export function clientInWords(described: string, t: Translator<"passkeys">): string {
  const { browser, os } = clientParts(described);
  if (browser === null) return os === null ? t("unknownBrowser") : t("unknownBrowserOn", { os });
  return os === null ? browser : t("client", { browser, os });
}

export function passkeyInWords(passkey: PasskeyView, t: Translator<"passkeys">): PasskeyView {
  return {
    ...passkey,
    authenticator: passkey.authenticatorKnown
      ? passkey.authenticator
      : passkey.aaguid === ZERO_AAGUID
        ? t("authenticatorNotDisclosed")
        : t("authenticatorUnknown", { aaguid: passkey.aaguid.toLowerCase() }),
    createdWith: clientInWords(passkey.createdWith, t),
    lastUsedWith: passkey.lastUsedWith === null ? null : clientInWords(passkey.lastUsedWith, t),
    metadata: passkey.metadata && trustInWords(passkey.metadata, t),
  };
}

/** What a new passkey whose authenticator has no known name is called, in the request's language (registration.ts). */
export function unnamedPasskeyWords(t: Translator<"passkeys">): UnnamedPasskeyWords {
  return {
    securityKey: t("defaultName.securityKey"),
    phone: t("defaultName.phone"),
    onClient: (client) => t("defaultName.onClient", { client: clientInWords(client, t) }),
  };
}
