// The rules both well-known files share: fetched over https from the RP ID's own origin, HTTP 200, JSON served as
// application/json, one JSON object. Returns the parsed object, or null when a rule already failed (or the file is
// absent) and nothing further can be judged.
import { rule, type FetchedFile, type SiteRule } from "./types";

type Outcome = { rules: SiteRule[]; document: Record<string, unknown> | null };

export function judgeFileAnswer(
  file: FetchedFile,
  source: string,
  consequence: { failed: string; absent: string; redirect: string },
): Outcome {
  const rules: SiteRule[] = [];
  const chain = [file.url, ...file.redirects];
  const plain = chain.find((url) => new URL(url).protocol !== "https:");
  rules.push(
    plain === undefined
      ? rule("https", true, source, `fetched over https (${file.url})`)
      : rule(
          "https",
          false,
          source,
          `${plain} is not https`,
          `browsers fetch this file only over https, so they ${consequence.failed}`,
        ),
  );
  if (file.redirects.length > 0) {
    const hops = file.redirects.length === 1 ? "one redirect" : `${file.redirects.length} redirects`;
    rules.push(
      rule(
        "redirect",
        plain === undefined,
        source,
        `reached through ${hops}: ${chain.join(" → ")}`,
        plain === undefined
          ? "browsers follow them, since every one stays on https"
          : `WebAuthn lets browsers follow a redirect here only to https (Firefox keeps to it; Chrome follows any), so browsers that keep to it ${consequence.failed}`,
      ),
    );
  }
  if (file.kind === "failed") {
    rules.push(
      rule("fetched", false, source, `the file could not be fetched: ${file.reason}`, `browsers ${consequence.failed}`),
    );
    return { rules, document: null };
  }
  if (file.location !== undefined) {
    rules.push(
      rule("status", false, source, `HTTP ${file.status}, a redirect to ${file.location}`, consequence.redirect),
    );
    return { rules, document: null };
  }
  if (file.status === 404) {
    rules.push(rule("status", null, source, "there is no such file (HTTP 404)", consequence.absent));
    return { rules, document: null };
  }
  if (file.status !== 200) {
    rules.push(rule("status", false, source, `HTTP ${file.status}, not 200`, `browsers ${consequence.failed}`));
    return { rules, document: null };
  }
  rules.push(rule("status", true, source, "HTTP 200"));
  const essence = file.contentType?.split(";")[0].trim().toLowerCase() ?? null;
  rules.push(
    essence === "application/json"
      ? rule("content-type", true, source, "served as application/json")
      : rule(
          "content-type",
          false,
          source,
          `served as ${essence ?? "no content type"}, not application/json`,
          `browsers ${consequence.failed}`,
        ),
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.body);
  } catch (error) {
    rules.push(rule("json", false, source, `not JSON: ${(error as Error).message}`, `browsers ${consequence.failed}`));
    return { rules, document: null };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    rules.push(rule("json", false, source, "JSON, but not one object", `browsers ${consequence.failed}`));
    return { rules, document: null };
  }
  rules.push(rule("json", true, source, "one JSON object"));
  return { rules, document: parsed as Record<string, unknown> };
}
