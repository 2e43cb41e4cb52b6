import { describe, expect, it } from "vitest";
import { clientKey, parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  const none = parseTrustedProxies(undefined);

  it("with no trusted proxy, takes the socket's address whatever the header says", () => {
    expect(resolveClientAddress("203.0.113.7", null, none)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", "1.2.3.4, 5.6.7.8", none)).toBe("203.0.113.7");
  });

  it("behind trusted proxies, takes the rightmost address no trusted proxy stands for", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.0.2.10");
    // nginx appended the client it saw (203.0.113.7) to a forged value: the forged value is never reached.
    expect(resolveClientAddress("10.1.2.3", "198.51.100.99, 203.0.113.7", trusted)).toBe("203.0.113.7");
    // Two proxies: the load balancer (192.0.2.10) and nginx (10.1.2.3).
    expect(resolveClientAddress("10.1.2.3", "forged, 203.0.113.7, 192.0.2.10", trusted)).toBe("203.0.113.7");
    // A client that reaches the server directly is the client, whatever it wrote.
    expect(resolveClientAddress("203.0.113.50", "10.0.0.1", trusted)).toBe("203.0.113.50");
    // Every hop trusted: the leftmost is all there is.
    expect(resolveClientAddress("10.1.2.3", "10.9.9.9", trusted)).toBe("10.9.9.9");
    // Garbage is never trusted, so it can only be reached through trusted hops; it is then the client, as written.
    expect(resolveClientAddress("10.1.2.3", "not-an-address", trusted)).toBe("not-an-address");
  });

  it("with a hop count, takes that many hops from the socket", () => {
    expect(resolveClientAddress("10.1.2.3", "forged, 203.0.113.7", parseTrustedProxies("1"))).toBe("203.0.113.7");
    expect(resolveClientAddress("10.1.2.3", "198.51.100.1, 203.0.113.7, 10.0.0.9", parseTrustedProxies("2"))).toBe(
      "203.0.113.7",
    );
    // Fewer hops than configured: the farthest there is.
    expect(resolveClientAddress("10.1.2.3", null, parseTrustedProxies("3"))).toBe("10.1.2.3");
  });

  it("reads loopback and IPv4-mapped IPv6 sockets as one client", () => {
    const trusted = parseTrustedProxies("loopback");
    expect(resolveClientAddress("::ffff:127.0.0.1", "198.18.0.1", trusted)).toBe("198.18.0.1");
    expect(resolveClientAddress("::1", "2001:db8::1", trusted)).toBe("2001:db8::1");
  });
});

describe("parseTrustedProxies", () => {
  it("reads none, hop counts, lists and names", () => {
    expect(parseTrustedProxies("")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", count: 2 });
    expect(parseTrustedProxies("private, 2001:db8::/32")).toMatchObject({ kind: "ranges" });
  });

  it("names the entry it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.example")).toThrow('"proxy.example" is not an address');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow('"10.0.0.0/33"');
  });
});

describe("clientKey", () => {
  it("counts an IPv6 host by its /64, and IPv4 addresses one by one", () => {
    expect(clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2::1")).toBe(clientKey("2001:db8:1:2:ffff::9"));
    expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::1")).toBe("::/64");
    expect(clientKey("unknown")).toBe("unknown");
  });
});
