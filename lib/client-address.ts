// The client's address for per-client limits (security bar H59). A client can write any X-Forwarded-For it likes, so
// the header counts only as far as proxies the operator trusts wrote it: starting at the socket and walking the
// header from its right end, each trusted proxy vouches for the address to its left, and the first address no trusted
// proxy stands for is the client. This is how Express's `trust proxy` (proxy-addr) and Rails' RemoteIp read it; nginx's
// `$proxy_add_x_forwarded_for` and AWS ALB append, so a forged value stays on the left, where it is never reached.
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type TrustedProxies =
  /** No proxy (the default): the socket's address is the client. */
  | { kind: "none" }
  /** The `count` hops nearest to this server are proxies (e.g. 1 behind one load balancer). */
  | { kind: "hops"; count: number }
  /** Addresses and CIDR ranges of the operator's proxies. */
  | { kind: "ranges"; ranges: Range[] };

/** Names for ranges an operator often means; written out, they are these. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

function parseRange(text: string): Range {
  // A bare address is a range of one.
  if (!text.includes("/")) {
    const address = ipaddr.process(text);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  }
  const [address, bits] = ipaddr.parseCIDR(text);
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? [(address as ipaddr.IPv6).toIPv4Address(), bits - 96]
    : [address, bits];
}

/**
 * Reads TRUSTED_PROXIES: empty for none, a whole number for a hop count, or a comma-separated list of addresses,
 * CIDR ranges and the names `loopback` and `private`. Throws with the entry it cannot read.
 */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const value = text?.trim() ?? "";
  if (value === "" || value === "0") return { kind: "none" };
  if (/^\d+$/.test(value)) return { kind: "hops", count: Number(value) };
  const ranges: Range[] = [];
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    for (const text of NAMED_RANGES[entry] ?? [entry]) {
      try {
        ranges.push(parseRange(text));
      } catch {
        throw new Error(`"${entry}" is not an address, a CIDR range, "loopback" or "private"`);
      }
    }
  }
  return { kind: "ranges", ranges };
}

/** An address as one spelling: ::ffff:192.0.2.1 and 192.0.2.1 are one client. Anything else stays as it came. */
function normalise(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

function isTrusted(address: string, ranges: Range[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/**
 * The client's address: `socketAddress` is where this request's connection came from; `forwardedFor` the
 * X-Forwarded-For header as received. With no trusted proxy the header is ignored whatever it says.
 */
export function resolveClientAddress(
  socketAddress: string,
  forwardedFor: string | null,
  trusted: TrustedProxies,
): string {
  // Nearest first: the socket, then the header from its right end.
  const hops = [
    socketAddress,
    ...(forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .reverse(),
  ];
  if (trusted.kind === "none") return normalise(socketAddress);
  if (trusted.kind === "hops") return normalise(hops[Math.min(trusted.count, hops.length - 1)]);
  let index = 0;
  while (index < hops.length - 1 && isTrusted(hops[index], trusted.ranges)) index++;
  return normalise(hops[index]);
}

/**
 * The client as per-client limits count it: an IPv4 address, or an IPv6 address's /64. A single host is routinely
 * given a whole /64 (RFC 6177, cloud servers, home routers), so counting every /128 apart would hand one machine
 * 2^64 budgets.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).toByteArray().slice(0, 8).concat(Array<number>(8).fill(0));
  return `${ipaddr.fromByteArray(prefix).toString()}/64`;
}
