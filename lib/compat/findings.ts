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
import type { Finding, FindingContext } from "./finding";
import { detectPlatform } from "./platform";
import type { Platform } from "./platform-types";
import type { EnvironmentSnapshot } from "./snapshot";

const RULES: ReadonlyArray<(context: FindingContext) => Finding | Finding[]> = [
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

/** `platform` defaults to the one read from the snapshot; pass it when the caller has read it already. */
export function evaluateEnvironment(
  snapshot: EnvironmentSnapshot,
  platform: Platform = detectPlatform(snapshot),
): Finding[] {
  const context: FindingContext = { snapshot, platform };
  return RULES.flatMap((rule) => rule(context));
}
