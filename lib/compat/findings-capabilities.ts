// What the browser says it can do: getClientCapabilities() (a missing key means unknown, not no), the JSON helpers and
// the Signal API (facts: compat.md, API table and detection).
import { REMOVE_BY_HAND, capabilityKeys, normaliseCapabilities } from "./client-capability-keys";
import { type Finding, type FindingContext, finding } from "./finding";
import { updateBrowserSteps } from "./fix-steps";
import { browsersWithSupport, supports } from "./supports";

/** The keys a person's experience depends on; when missing from the answer they are unknown, not false. */
const EXPECTED_KEYS = ["conditionalGet", "hybridTransport", "passkeyPlatformAuthenticator", "userVerifyingPlatformAuthenticator"];

function kebab(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .toLowerCase();
}

export function clientCapabilitiesFindings({ snapshot, platform }: FindingContext): Finding[] {
  const title = "What the browser reports it can do";
  if (!snapshot.clientCapabilities) {
    const support = supports("get-client-capabilities", platform);
    return [
      finding(
        "client-capabilities",
        title,
        "unknown",
        "This browser does not list its passkey features (getClientCapabilities needs Chrome 133, Firefox 135 or Safari 17.4), so the checks below rely on its version instead.",
        support.status === "no" && support.byVersion ? updateBrowserSteps(platform) : null,
        `getClientCapabilities unavailable; matrix: ${support.reason}`,
      ),
    ];
  }
  const { capabilities, aliased } = normaliseCapabilities(snapshot.clientCapabilities);
  const missing = EXPECTED_KEYS.filter((key) => !(key in capabilities));
  const summary = finding(
    "client-capabilities",
    title,
    "ok",
    missing.length > 0
      ? `The browser lists its passkey features. It did not mention ${missing.join(", ")}: those are unknown, not missing.`
      : "The browser lists its passkey features; each one is shown below.",
    null,
    [
      `reported: ${Object.entries(snapshot.clientCapabilities).map(([key, value]) => `${key}=${value}`).join(", ") || "nothing"}`,
      aliased && "conditionalMediation read as conditionalGet (Safari 17.4–18.2 name)",
    ]
      .filter(Boolean)
      .join("; "),
  );
  return [summary, ...Object.entries(capabilities).map(([key, value]) => capabilityFinding(key, value, aliased, { snapshot, platform }))];
}

function capabilityFinding(key: string, value: boolean, aliased: boolean, { platform }: FindingContext): Finding {
  const info = capabilityKeys[key];
  const id = `capability-${kebab(key)}`;
  const detail = `getClientCapabilities().${key === "conditionalGet" && aliased ? "conditionalMediation" : key} = ${value}`;
  if (!info) {
    return finding(id, key, "ok", `The browser reports “${key}” as ${value ? "available" : "not available"}; this site does not use it.`, null, detail);
  }
  if (value) return finding(id, info.title, "ok", info.whenTrue, null, detail);
  const status = info.matters ? "warning" : "ok";
  return finding(id, info.title, status, info.whenFalse, info.matters ? (info.fix?.(platform) ?? null) : null, detail);
}

export function jsonHelpersFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Passkey data helpers (JSON)";
  const helpers = snapshot.jsonHelpers;
  if (!helpers) return finding("json-helpers", title, "unknown", "The check for the JSON helpers did not run.", null);
  const absent = Object.entries(helpers).filter(([, present]) => !present).map(([name]) => name);
  if (absent.length === 0) return finding("json-helpers", title, "ok", "The browser has the newest helpers for passkey data.", null);
  return finding(
    "json-helpers",
    title,
    "warning",
    "The browser predates the newest helpers for passkey data (Chrome 129, Firefox 119, Safari 18.4). This site converts the data itself, so passkeys still work here; the browser is just not current.",
    updateBrowserSteps(platform),
    `missing: ${absent.join(", ")}`,
  );
}

export function signalApiFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Keeping your passkey manager in step with this site";
  const signals = snapshot.signalApi;
  if (!signals) return finding("signal-api", title, "unknown", "The check for the Signal API did not run.", null);
  const absent = Object.entries(signals).filter(([, present]) => !present).map(([name]) => name);
  if (absent.length === 0) {
    return finding("signal-api", title, "ok", "When you remove a passkey here, this site tells your passkey manager, so it stops offering it.", null);
  }
  const support = supports("signal-api", platform);
  const elsewhere = browsersWithSupport("signal-api", platform);
  const better =
    support.status === "no" && support.byVersion
      ? ` Or update: ${updateBrowserSteps(platform)}`
      : elsewhere.length > 0
        ? ` ${elsewhere.join(" and ")} do this automatically.`
        : "";
  return finding(
    "signal-api",
    title,
    "warning",
    "When you remove a passkey here, your passkey manager is not told and may keep offering it; signing in with it will then fail.",
    `${REMOVE_BY_HAND}${better}`,
    `missing: ${absent.join(", ")}; matrix: ${support.reason}`,
  );
}
