// Which targets the web runner may send requests to. A server that fetches any URL it is given lets anyone probe the
// network it sits in (SSRF: the cloud metadata service, admin panels on localhost, the office LAN), so CONFORMANCE_TARGETS
// decides: `self` (this server's own API only), `public` (also hosts whose every address is ordinary public unicast)
// or `any`. The CLI does not use this: it runs on the user's own machine, against whatever they point it at.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import type { ErrorCode } from "@/lib/result";

export type TargetMode = "self" | "public" | "any";

export type TargetErrorCode = Extract<ErrorCode, `target:${string}`>;

export type TargetRefusal = { ok: false; code: TargetErrorCode; message: string; detail?: string };
/** `self`: the target is this server's own API, which every mode allows and no address check applies to. */
export type TargetAccepted = { ok: true; url: string; self: boolean };

export const MAX_TARGET_CHARS = 2048;

const refuse = (code: TargetErrorCode, message: string, detail?: string): TargetRefusal =>
  detail === undefined ? { ok: false, code, message } : { ok: false, code, message, detail };

/**
 * Null for an ordinary public unicast address; otherwise the name of the special range it is in (loopback, private,
 * linkLocal — which holds the 169.254.169.254 metadata service —, carrierGradeNat, multicast, uniqueLocal, reserved…).
 * An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries. Only `unicast` passes, so
 * NAT64, 6to4 and Teredo addresses, which embed an IPv4 address ipaddr.js does not unwrap, are refused too.
 */
export function refusedAddressRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== "unicast") return range;
  return cloudInternalAddresses.has(parsed.toNormalizedString()) ? "cloudInternal" : null;
}

/**
 * Ordinary public unicast addresses that a cloud nonetheless answers from inside its own network: Azure's WireServer
 * 168.63.129.16 (DHCP, DNS, health probes and the VM agent's goal state, with its certificates; reachable from every
 * Azure VM, answered by the host, "https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16").
 * ipaddr.js calls it unicast, so it is listed by hand.
 */
const cloudInternalAddresses = new Set(["168.63.129.16"]);

/** The base URL as the suite uses it: no trailing slash. */
const normalise = (url: URL) => `${url.origin}${url.pathname.replace(/\/+$/, "")}`;

/**
 * Checks what can be checked without the network: an http(s) URL, no credentials, no query, and what the mode allows.
 * `self` is this server's own API base URL.
 */
export function parseTarget(input: string, mode: TargetMode, self: string): TargetAccepted | TargetRefusal {
  const text = input.trim();
  if (text.length > MAX_TARGET_CHARS)
    return refuse("target:malformed", `That address is longer than ${MAX_TARGET_CHARS} characters.`);
  if (!URL.canParse(text)) {
    return refuse(
      "target:malformed",
      "That is not a web address: give the API's base URL, such as https://example.com/fido.",
      text.slice(0, 200),
    );
  }
  const url = new URL(text);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return refuse("target:scheme", "Only http:// and https:// addresses can be tested.", `scheme ${url.protocol}`);
  }
  if (url.username || url.password)
    return refuse("target:credentials", "Leave the user name and password out of the address.");
  if (url.search || url.hash)
    return refuse(
      "target:malformed",
      "Give the API's base URL without a query or #fragment: the suite adds /attestation/options and so on.",
    );
  const target = normalise(url);
  if (target === self.replace(/\/+$/, "")) return { ok: true, url: target, self: true };
  if (mode === "self") {
    return refuse(
      "target:not-allowed",
      "This server runs the suite only against itself (CONFORMANCE_TARGETS=self). To test another server, run the suite from your machine: npm run conformance -- --target <url>.",
    );
  }
  // An IP address needs no look-up: refused here, before the rate limit counts anything.
  const host = hostOf(target);
  if (mode === "public" && isIP(host)) {
    const range = refusedAddressRange(host);
    if (range) return refuse("target:private-address", NOT_PUBLIC, `${host} (${range})`);
  }
  return { ok: true, url: target, self: false };
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");

const NOT_PUBLIC =
  "That address is not on the public internet (private, loopback, link-local, metadata or another special range), and this server only sends requests to public addresses.";

export type Resolve = (hostname: string) => Promise<string[]>;

const resolveAll: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * In `public` mode, refuses a host that is or resolves to any non-public address (every address is checked: a name
 * with one public and one private record is refused). The guarded fetch checks again on every connection it opens,
 * so a name that later resolves elsewhere (DNS rebinding) gains nothing.
 */
export async function checkTargetAddress(
  target: TargetAccepted,
  mode: TargetMode,
  resolve: Resolve = resolveAll,
): Promise<TargetAccepted | TargetRefusal> {
  if (target.self || mode !== "public") return target;
  const host = hostOf(target.url);
  if (isIP(host)) {
    const range = refusedAddressRange(host);
    return range ? refuse("target:private-address", NOT_PUBLIC, `${host} (${range})`) : target;
  }
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    return refuse(
      "target:unresolvable",
      `${host} could not be found (DNS). Check the spelling.`,
      (error as Error).message,
    );
  }
  if (addresses.length === 0)
    return refuse("target:unresolvable", `${host} could not be found (DNS). Check the spelling.`);
  for (const address of addresses) {
    const range = refusedAddressRange(address);
    if (range) return refuse("target:private-address", NOT_PUBLIC, `${host} → ${address} (${range})`);
  }
  return target;
}
