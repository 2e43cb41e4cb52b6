// The English words a passkey without a known authenticator name is given at registration, for tests that register
// through lib/ (the server gives the request's language: getTranslations("passkeys") in the actions).
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";

export const englishPasskeyWords = createTranslator({ locale: "en", messages: en, namespace: "passkeys" });
