// One site check: both well-known files fetched side by side, each judged rule by rule.
import "server-only";
import { fetchWellKnown } from "./fetch-well-known";
import { judgePasskeyEndpoints } from "./passkey-endpoints-rules";
import { judgeRelatedOrigins } from "./related-origins-rules";
import type { SiteInput } from "./site-input";
import type { SiteReport } from "./types";

export async function checkSite(site: SiteInput, mode: "public" | "any"): Promise<SiteReport> {
  const [related, endpoints] = await Promise.all([
    fetchWellKnown(site.origin, "webauthn", mode),
    fetchWellKnown(site.origin, "passkey-endpoints", mode),
  ]);
  return {
    rpId: site.rpId,
    origin: site.origin,
    relatedOrigins: judgeRelatedOrigins(site.rpId, related),
    passkeyEndpoints: judgePasskeyEndpoints(endpoints),
  };
}
