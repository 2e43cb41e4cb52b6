// next-intl's typed messages: a key missing from messages/en.json, or a namespace misspelt, fails the type check.
// Every other locale must hold the same keys (lib/i18n/messages.test.ts). Augmented on use-intl, where next-intl's
// AppConfig is declared: augmenting "next-intl" left every key typed as a plain string here.
import type messages from "./messages/en.json";
import type { Locale } from "./lib/i18n/locales";

declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
