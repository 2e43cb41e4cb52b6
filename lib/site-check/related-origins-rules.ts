// /.well-known/webauthn judged the way a browser reads it (WebAuthn L3 §5.11.1, the related origins validation
// procedure): the file's shape, then each origin in order, counting registrable origin labels. Browsers consult the
// file only when a page asks for an RP ID that is not its own domain or a parent of it.
import { judgeFileAnswer } from "./file-answer-rules";
import { registrableLabel, withinRpId } from "./registrable-label";
import { rule, type FetchedFile, type SiteFileReport, type SiteRule } from "./types";

/**
 * How many distinct registrable origin labels a browser reads before it skips origins with new ones. The spec's floor
 * is 5 (§5.11: "MUST support at least five"); Chrome's limit is 5 and Safari's is taken to be the same floor: sources
 * in docs/compat.md ("Related origins").
 */
export const MAX_LABELS = 5;

const SOURCE = "WebAuthn L3 §5.11.1";

export function judgeRelatedOrigins(rpId: string, file: FetchedFile): SiteFileReport {
  const failed = `refuse every page outside ${rpId} that asks for this RP ID (SecurityError)`;
  const { rules, document } = judgeFileAnswer(file, SOURCE, {
    failed,
    absent: `only ${rpId} and its subdomains can use this RP ID; that is fine unless other sites should use it too`,
    redirect: `WebAuthn lets browsers follow a redirect here only to https (Firefox keeps to it; Chrome follows any), so browsers that keep to it ${failed}`,
  });
  const status = file.kind === "answer" ? file.status : null;
  if (!document) return { url: file.url, status, rules };
  const origins = document.origins;
  if (!Array.isArray(origins) || origins.some((item) => typeof item !== "string")) {
    rules.push(rule("origins-shape", false, SOURCE, `"origins" must be an array of strings`, `browsers ${failed}`));
    return { url: file.url, status, rules };
  }
  if (origins.length === 0) {
    rules.push(
      rule(
        "origins-shape",
        false,
        SOURCE,
        `"origins" is empty: no other site may use this RP ID`,
        `browsers ${failed}`,
      ),
    );
    return { url: file.url, status, rules };
  }
  rules.push(
    rule(
      "origins-shape",
      true,
      SOURCE,
      `"origins" lists ${origins.length} ${origins.length === 1 ? "origin" : "origins"}`,
    ),
  );
  rules.push(...judgeEntries(rpId, origins as string[]));
  return { url: file.url, status, rules };
}

function judgeEntries(rpId: string, origins: string[]): SiteRule[] {
  const unreadable: string[] = [];
  const withPath: string[] = [];
  const notHttps: string[] = [];
  const noLabel: string[] = [];
  const ownScope: string[] = [];
  const beyondLimit: string[] = [];
  const duplicates: string[] = [];
  const usable: string[] = [];
  const labels = new Set<string>();
  const seen = new Set<string>();
  for (const item of origins) {
    if (!URL.canParse(item)) {
      unreadable.push(item);
      continue;
    }
    const url = new URL(item);
    if (seen.has(url.origin)) duplicates.push(item);
    seen.add(url.origin);
    if (item !== url.origin) withPath.push(item);
    if (url.protocol !== "https:") notHttps.push(item);
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    if (withinRpId(host, rpId)) ownScope.push(item);
    const label = registrableLabel(host);
    if (!label) {
      noLabel.push(item);
      continue;
    }
    // §5.11.1: once maxLabels distinct labels are seen, an origin with a new label is skipped.
    if (!labels.has(label) && labels.size >= MAX_LABELS) {
      beyondLimit.push(item);
      continue;
    }
    labels.add(label);
    if (url.protocol === "https:") usable.push(url.origin);
  }
  const list = (items: string[]) => items.map((item) => JSON.stringify(item)).join(", ");
  const rules: SiteRule[] = [];
  const check = (
    id: string,
    bad: string[],
    good: string,
    message: string,
    browsers: string,
    ok: boolean | null = false,
  ) =>
    rules.push(
      bad.length === 0 ? rule(id, true, SOURCE, good) : rule(id, ok, SOURCE, `${message}: ${list(bad)}`, browsers),
    );
  check("origins-parse", unreadable, "every entry is a URL", "not URLs", "browsers skip these entries");
  check(
    "origins-bare",
    withPath,
    "every entry is an origin alone (no path, no trailing slash)",
    "not bare origins",
    "browsers compare only the origin part, so these still work; write the origin alone to make that plain",
    null,
  );
  check(
    "origins-https",
    notHttps,
    "every entry is https",
    "not https",
    "a passkey page must be a secure context, so no public page can match these entries",
  );
  check(
    "origins-label",
    noLabel,
    "every entry has a registrable domain",
    "no registrable domain (an IP address, localhost or a public suffix)",
    "browsers skip these entries",
  );
  check(
    "origins-own-rp-id",
    ownScope,
    `no entry is on ${rpId} itself or its subdomains`,
    `on ${rpId} or its subdomains, which may use this RP ID without the file`,
    "harmless, but each still takes its label's place in the count below",
    null,
  );
  check(
    "origins-label-limit",
    beyondLimit,
    `${labels.size} distinct registrable ${labels.size === 1 ? "label" : "labels"} (${[...labels].join(", ")}), within the ${MAX_LABELS} that Chrome and Safari read`,
    `past the ${MAX_LABELS}th distinct registrable label (${[...labels].join(", ")})`,
    `Chrome and Safari stop at ${MAX_LABELS} labels and skip these; put the origins that matter most first`,
  );
  check("origins-unique", duplicates, "no origin is listed twice", "listed more than once", "harmless", null);
  rules.push(
    rule(
      "origins-usable",
      usable.length > 0,
      SOURCE,
      usable.length > 0
        ? `pages on these origins may use the RP ID ${rpId}: ${usable.join(", ")}`
        : "no entry lets another site use this RP ID",
    ),
  );
  return rules;
}
