// What the browser says it can do: getClientCapabilities() (a missing key means unknown, not no), the JSON helpers and
// the Signal API (docs/compat.md, API table and detection).
import type { Translator } from "@/lib/i18n/translator";
import { capabilityKeys, normaliseCapabilities } from "./client-capability-keys";
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

export function clientCapabilitiesFindings(context: FindingContext, t: Translator<"findings">): Finding[] {
  const { snapshot, platform, steps, list } = context;
  const title = t("clientCapabilities.title");
  if (noPasskeyApi(context)) return [nothingToAsk("client-capabilities", title, t)];
  if (!snapshot.clientCapabilities) {
    const support = supports("get-client-capabilities", platform);
    return [
      finding(
        "client-capabilities",
        title,
        "unknown",
        t("clientCapabilities.notListed"),
        support.status === "no" && support.byVersion ? updateBrowserSteps(platform, steps) : null,
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
      ? t("clientCapabilities.listedWithUnknowns", { keys: list(missing, "plain") })
      : t("clientCapabilities.listed"),
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
    ...used.map(([key, value]) => capabilityFinding(key, value, context, t)),
    ...(unused.length > 0 ? [unusedCapabilitiesFinding(unused, context, t)] : []),
  ];
}

function capabilityFinding(
  key: string,
  value: boolean,
  { platform, steps }: FindingContext,
  t: Translator<"findings">,
): Finding {
  const info = capabilityKeys[key]!;
  const id = `capability-${kebab(key)}`;
  const title = t(info.words.title);
  const detail = `getClientCapabilities().${key} = ${value}`;
  if (value) return finding(id, title, "ok", t(info.words.whenTrue), null, detail);
  // Automatic upgrade and immediate sign-in are extras: a browser without them is told so, never warned.
  if (info.optional) return finding(id, title, "ok", t(info.words.whenFalse), null, detail);
  return finding(id, title, "warning", t(info.words.whenFalse), info.fix?.(platform, t, steps) ?? null, detail);
}

/**
 * Features the browser reports that this site does not use (extensions such as "extension:largeBlob", related origins,
 * automatic passkey creation): one row, neither OK nor a problem. An unavailable one changes nothing here, and calling
 * it "OK" would tell staff something the browser did not say.
 */
function unusedCapabilitiesFinding(
  entries: [string, boolean][],
  { list }: FindingContext,
  t: Translator<"findings">,
): Finding {
  const named = (key: string) => {
    const words = capabilityKeys[key]?.words;
    return words ? t(words.title) : key;
  };
  const available = entries.filter(([, value]) => value).map(([key]) => named(key));
  const unavailable = entries.filter(([, value]) => !value).map(([key]) => named(key));
  // One line per list, then what they mean here: each a whole sentence of its own.
  const meaning = [
    unavailable.length > 0 && t("unusedCapabilities.unavailable", { features: list(unavailable, "plain") }),
    available.length > 0 && t("unusedCapabilities.available", { features: list(available, "plain") }),
    t("unusedCapabilities.noneUsed"),
  ]
    .filter((sentence): sentence is string => Boolean(sentence))
    .reduce((first, second) => t("twoSentences", { first, second }));
  return finding(
    "capabilities-not-used",
    t("unusedCapabilities.title"),
    "unused",
    meaning,
    null,
    entries.map(([key, value]) => `${key}=${value}`).join(", "),
  );
}

export function jsonHelpersFinding(context: FindingContext, t: Translator<"findings">): Finding {
  const { snapshot, platform, steps } = context;
  const title = t("jsonHelpers.title");
  const helpers = snapshot.jsonHelpers;
  if (noPasskeyApi(context)) return nothingToAsk("json-helpers", title, t);
  if (!helpers) return finding("json-helpers", title, "unknown", t("jsonHelpers.notRun"), null);
  const absent = Object.entries(helpers)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  if (absent.length === 0) return finding("json-helpers", title, "ok", t("jsonHelpers.ok"), null);
  return finding(
    "json-helpers",
    title,
    "warning",
    t("jsonHelpers.old"),
    updateBrowserSteps(platform, steps),
    `missing: ${absent.join(", ")}`,
  );
}

const SIGNALS = ["signalUnknownCredential", "signalAllAcceptedCredentials", "signalCurrentUserDetails"] as const;

/**
 * One row for the Signal API: the functions this site calls are the fact, and getClientCapabilities()'s signal keys
 * (the same fact, asked another way) are read only when the functions could not be inspected.
 */
export function signalApiFinding(context: FindingContext, t: Translator<"findings">): Finding {
  const { snapshot, platform, steps, list } = context;
  const title = t("signalApi.title");
  if (noPasskeyApi(context)) return nothingToAsk("signal-api", title, t);
  const reported = reportedCapabilities(snapshot);
  const signals =
    snapshot.signalApi ??
    (SIGNALS.some((key) => key in reported)
      ? Object.fromEntries(SIGNALS.map((key) => [key, reported[key] ?? false]))
      : null);
  if (!signals) return finding("signal-api", title, "unknown", t("signalApi.notRun"), null);
  const evidence = [
    snapshot.signalApi ? "functions checked" : "read from getClientCapabilities",
    capabilityEvidence(snapshot, [...SIGNALS]),
  ]
    .filter(Boolean)
    .join("; ");
  const absent = Object.entries(signals)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  if (absent.length === 0) return finding("signal-api", title, "ok", t("signalApi.ok"), null, evidence);
  const support = supports("signal-api", platform);
  const elsewhere = browsersWithSupport("signal-api", platform);
  const fix =
    support.status === "no" && support.byVersion
      ? t("signalApi.removeByHandOrUpdate", { steps: updateBrowserSteps(platform, steps) })
      : elsewhere.length > 0
        ? t("signalApi.removeByHandOrElsewhere", { browsers: list(elsewhere, "and"), count: elsewhere.length })
        : t("removeByHand");
  return finding(
    "signal-api",
    title,
    "warning",
    t("signalApi.notTold"),
    fix,
    `missing: ${absent.join(", ")}; ${evidence}; matrix: ${support.reason}`,
  );
}
