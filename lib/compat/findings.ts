// The troubleshooting wizard's checklist: one finding per rule, in the order a person would fix things (can the page
// run passkeys at all, then this device, then what the browser reports, then the connection, then versions).
// Pure and deterministic: the same snapshot always gives the same findings.
import { autofillFinding, platformAuthenticatorFinding } from "./findings-authenticator";
import {
  javascriptFinding,
  secureContextFinding,
  webauthnNativeFinding,
  webauthnPresentFinding,
} from "./findings-basics";
import { clientCapabilitiesFindings, jsonHelpersFinding, signalApiFinding } from "./findings-capabilities";
import { cookiesFinding, iframeFinding, inAppBrowserFinding, serverReachableFinding } from "./findings-connection";
import { browserVersionFinding, osVersionFinding } from "./findings-versions";
import type { Translator } from "@/lib/i18n/translator";
import { type Finding, type FindingContext, type FindingTranslators, listIn } from "./finding";
import type { Platform } from "./platform-types";
import type { EnvironmentSnapshot } from "./snapshot";

const RULES: ReadonlyArray<(context: FindingContext, t: Translator<"findings">) => Finding | Finding[]> = [
  javascriptFinding,
  secureContextFinding,
  inAppBrowserFinding,
  webauthnPresentFinding,
  webauthnNativeFinding,
  platformAuthenticatorFinding,
  autofillFinding,
  clientCapabilitiesFindings,
  jsonHelpersFinding,
  signalApiFinding,
  cookiesFinding,
  serverReachableFinding,
  iframeFinding,
  osVersionFinding,
  browserVersionFinding,
];

/**
 * `translators` give the words in the reader's language (lib/compat/translators.ts on the server, English ones in
 * tests); the ids, statuses and order are the same in every language.
 */
export function evaluateEnvironment(
  snapshot: EnvironmentSnapshot,
  platform: Platform,
  translators: FindingTranslators,
): Finding[] {
  const context: FindingContext = {
    snapshot,
    platform,
    steps: translators.fixSteps,
    list: listIn(translators.locale),
  };
  return RULES.flatMap((rule) => rule(context, translators.findings));
}
