// What the browser says it can do: getClientCapabilities() (a missing key means unknown, not no), the JSON helpers and
// the Signal API (docs/compat.md, API table and detection).
import { REMOVE_BY_HAND, capabilityKeys, normaliseCapabilities } from "./client-capability-keys";
import { type Finding, type FindingContext, finding, noPasskeyApi, nothingToAsk } from "./finding";
import { updateBrowserSteps } from "./fix-steps";
import { browsersWithSupport, supports } from "./supports";

/** The keys a person's experience depends on; when missing from the answer they are unknown, not false. */
const EXPECTED_KEYS = [
  "conditionalGet",
  "hybridTransport",
  "passkeyPlatformAuthenticator",
  "userVerifyingPlatformAuthenticator",
];

function kebab(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .toLowerCase();
}

/**
 * Keys that are one fact with another check's: the autofill, built-in authenticator and Signal API rows read them as
 * a second source, so a report has one row per fact rather than two or three near-duplicates.
 */
const JUDGED_ELSEWHERE = new Set([
  "conditionalGet",
  "userVerifyingPlatformAuthenticator",
  "passkeyPlatformAuthenticator",
  "signalUnknownCredential",
  "signalAllAcceptedCredentials",
  "signalCurrentUserDetails",
]);

/** What getClientCapabilities() said, with the Safari alias renamed; empty when it was not asked. */
export function reportedCapabilities(snapshot: FindingContext["snapshot"]): Record<string, boolean> {
  return snapshot.clientCapabilities ? normaliseCapabilities(snapshot.clientCapabilities).capabilities : {};
}

/** "getClientCapabilities: a=true, b=false" for the keys given that the browser reported, or null. */
export function capabilityEvidence(snapshot: FindingContext["snapshot"], keys: string[]): string | null {
  const reported = reportedCapabilities(snapshot);
  const seen = keys.filter((key) => key in reported).map((key) => `${key}=${reported[key]}`);
  return seen.length > 0 ? `getClientCapabilities: ${seen.join(", ")}` : null;
}

export function clientCapabilitiesFindings(context: FindingContext): Finding[] {
  const { snapshot, platform } = context;
  const title = "What the browser reports it can do";
  if (noPasskeyApi(context)) return [nothingToAsk("client-capabilities", title)];
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
      : "The browser lists its passkey features; each one is shown with the check it belongs to.",
    null,
    [
      `reported: ${
        Object.entries(snapshot.clientCapabilities)
          .map(([key, value]) => `${key}=${value}`)
          .join(", ") || "nothing"
      }`,
      aliased && "conditionalMediation read as conditionalGet (Safari 17.4–18.2 name)",
    ]
      .filter(Boolean)
      .join("; "),
  );
  const own = Object.entries(capabilities).filter(([key]) => !JUDGED_ELSEWHERE.has(key));
  const used = own.filter(([key]) => capabilityKeys[key]?.usedHere);
  const unused = own.filter(([key]) => !capabilityKeys[key]?.usedHere);
  return [
    summary,
    ...used.map(([key, value]) => capabilityFinding(key, value, context)),
    ...(unused.length > 0 ? [unusedCapabilitiesFinding(unused)] : []),
  ];
}

function capabilityFinding(key: string, value: boolean, { platform }: FindingContext): Finding {
  const info = capabilityKeys[key]!;
  const detail = `getClientCapabilities().${key} = ${value}`;
  if (value) return finding(`capability-${kebab(key)}`, info.title, "ok", info.whenTrue, null, detail);
  // Automatic upgrade and immediate sign-in are extras: a browser without them is told so, never warned.
  if (info.optional) return finding(`capability-${kebab(key)}`, info.title, "ok", info.whenFalse, null, detail);
  return finding(
    `capability-${kebab(key)}`,
    info.title,
    "warning",
    info.whenFalse,
    info.fix?.(platform) ?? null,
    detail,
  );
}

const named = (key: string) => capabilityKeys[key]?.title ?? key;

/**
 * Features the browser reports that this site does not use (extensions such as "extension:largeBlob", related origins,
 * automatic passkey creation): one row, neither OK nor a problem. An unavailable one changes nothing here, and calling
 * it "OK" would tell staff something the browser did not say.
 */
function unusedCapabilitiesFinding(entries: [string, boolean][]): Finding {
  const available = entries.filter(([, value]) => value).map(([key]) => named(key));
  const unavailable = entries.filter(([, value]) => !value).map(([key]) => named(key));
  const meaning = [
    unavailable.length > 0 && `Not available · not used here: ${unavailable.join(", ")}.`,
    available.length > 0 && `Available · not used here: ${available.join(", ")}.`,
    "This site uses none of these, so none of them changes what you can do here.",
  ]
    .filter(Boolean)
    .join(" ");
  return finding(
    "capabilities-not-used",
    "Features this site does not use",
    "unused",
    meaning,
    null,
    entries.map(([key, value]) => `${key}=${value}`).join(", "),
  );
}

export function jsonHelpersFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Passkey data helpers (JSON)";
  const helpers = snapshot.jsonHelpers;
  if (noPasskeyApi({ snapshot, platform })) return nothingToAsk("json-helpers", title);
  if (!helpers) return finding("json-helpers", title, "unknown", "The check for the JSON helpers did not run.", null);
  const absent = Object.entries(helpers)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  if (absent.length === 0)
    return finding("json-helpers", title, "ok", "The browser has the newest helpers for passkey data.", null);
  return finding(
    "json-helpers",
    title,
    "warning",
    "The browser predates the newest helpers for passkey data (Chrome 129, Firefox 119, Safari 18.4). This site converts the data itself, so passkeys still work here; the browser is just not current.",
    updateBrowserSteps(platform),
    `missing: ${absent.join(", ")}`,
  );
}

const SIGNALS = ["signalUnknownCredential", "signalAllAcceptedCredentials", "signalCurrentUserDetails"] as const;

/**
 * One row for the Signal API: the functions this site calls are the fact, and getClientCapabilities()'s signal keys
 * (the same fact, asked another way) are read only when the functions could not be inspected.
 */
export function signalApiFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Keeping your passkey manager in step with this site";
  if (noPasskeyApi({ snapshot, platform })) return nothingToAsk("signal-api", title);
  const reported = reportedCapabilities(snapshot);
  const signals =
    snapshot.signalApi ??
    (SIGNALS.some((key) => key in reported)
      ? Object.fromEntries(SIGNALS.map((key) => [key, reported[key] ?? false]))
      : null);
  if (!signals) return finding("signal-api", title, "unknown", "The check for the Signal API did not run.", null);
  const evidence = [
    snapshot.signalApi ? "functions checked" : "read from getClientCapabilities",
    capabilityEvidence(snapshot, [...SIGNALS]),
  ]
    .filter(Boolean)
    .join("; ");
  const absent = Object.entries(signals)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  if (absent.length === 0) {
    return finding(
      "signal-api",
      title,
      "ok",
      "When you remove a passkey here, this site tells your passkey manager, so it stops offering it.",
      null,
      evidence,
    );
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
    `missing: ${absent.join(", ")}; ${evidence}; matrix: ${support.reason}`,
  );
}
