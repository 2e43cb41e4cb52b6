// What the site checker accepts: an RP ID (example.com) or an origin (https://example.com, http://localhost:3000).
// An RP ID is a domain, never an IP address (WebAuthn L3 §5.1.3 step 7: an IP address is not a valid domain), so one
// is refused here before anything is fetched.
import { isIP } from "node:net";
import type { ErrorCode } from "@/lib/result";

export type SiteInputErrorCode = Extract<ErrorCode, `site-check:${string}`>;

export type SiteInput = { rpId: string; origin: string };

type Parsed = { ok: true; data: SiteInput } | { ok: false; code: SiteInputErrorCode; message: string };

const MAX_CHARS = 2048;

export function parseSiteInput(text: string): Parsed {
  const value = text.trim();
  if (value === "" || value.length > MAX_CHARS)
    return {
      ok: false,
      code: "site-check:malformed",
      message: `Give a domain such as example.com or an origin such as https://example.com (at most ${MAX_CHARS} characters).`,
    };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  if (!URL.canParse(withScheme))
    return { ok: false, code: "site-check:malformed", message: "That is neither a domain nor an origin." };
  const url = new URL(withScheme);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, code: "site-check:malformed", message: "Only https:// (or http:// for a local test) origins." };
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== ""))
    return {
      ok: false,
      code: "site-check:malformed",
      message: "Give the origin alone (scheme, host and port), without a path, query or user name.",
    };
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host))
    return {
      ok: false,
      code: "site-check:ip-address",
      message: "An RP ID is a domain name; browsers refuse WebAuthn on IP addresses.",
    };
  return { ok: true, data: { rpId: host, origin: url.origin } };
}
