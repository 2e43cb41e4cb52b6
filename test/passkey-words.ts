// What a passkey without a known authenticator name is called when a test registers it through lib/: the English of
// messages/en.json (passkeys.defaultName), written out because scripts that run with the react-server condition (the
// benchmark's pool) cannot load next-intl's translator. The server says them in the request's language
// (lib/webauthn/passkey-words.ts, unnamedPasskeyWords).
import type { UnnamedPasskeyWords } from "@/lib/webauthn/registration";

export const englishPasskeyWords: UnnamedPasskeyWords = {
  securityKey: "Security key",
  phone: "Phone or tablet",
  onClient: (client) => `Passkey on ${client}`,
};
