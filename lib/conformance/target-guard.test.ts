// The SSRF guard: which targets the web runner may reach, in each CONFORMANCE_TARGETS mode, and why it refuses.
import { describe, expect, it } from "vitest";
import {
  checkTargetAddress,
  parseTarget,
  refusedAddressRange,
  type Resolve,
  type TargetAccepted,
} from "./target-guard";

const SELF = "http://localhost:3000/fido";

describe("refusedAddressRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.20", "private"],
    ["169.254.169.254", "linkLocal"], // AWS, GCP, Azure, OpenStack metadata
    ["100.100.100.200", "carrierGradeNat"], // Alibaba Cloud metadata
    ["100.64.0.1", "carrierGradeNat"],
    ["192.0.0.192", "reserved"], // Oracle Cloud metadata
    ["168.63.129.16", "cloudInternal"], // Azure WireServer: public unicast, answered inside Azure (SEC-60b)
    ["::ffff:168.63.129.16", "cloudInternal"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["198.18.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd00:ec2::254", "uniqueLocal"], // AWS metadata over IPv6
    ["fc00::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"], // IPv4-mapped: judged as the IPv4 address it carries
    ["::ffff:a9fe:a9fe", "linkLocal"],
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "rfc6052"], // NAT64 of 169.254.169.254
    ["2002:a9fe:a9fe::1", "6to4"],
    ["2001:db8::1", "reserved"],
    ["not-an-address", "not an IP address"],
  ])("%s is refused (%s)", (address, range) => {
    expect(refusedAddressRange(address)).toBe(range);
  });

  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "1.1.1.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
  ])("%s is public", (address) => {
    expect(refusedAddressRange(address)).toBeNull();
  });
});

describe("parseTarget", () => {
  it.each([
    ["not a url", "target:malformed"],
    ["", "target:malformed"],
    ["example.com/fido", "target:malformed"],
    [`https://example.com/${"a".repeat(2100)}`, "target:malformed"],
    ["https://example.com/fido?x=1", "target:malformed"],
    ["https://example.com/fido#top", "target:malformed"],
    ["ftp://example.com/fido", "target:scheme"],
    ["file:///etc/passwd", "target:scheme"],
    ["javascript:alert(1)", "target:scheme"],
    ["gopher://127.0.0.1:6379/_INFO", "target:scheme"],
    ["https://user:secret@example.com/fido", "target:credentials"],
  ])("%j is refused in every mode: %s", (input, code) => {
    for (const mode of ["self", "public", "any"] as const)
      expect(parseTarget(input, mode, SELF)).toMatchObject({ ok: false, code });
  });

  it("accepts this server's own API in every mode, with or without a trailing slash", () => {
    for (const mode of ["self", "public", "any"] as const) {
      expect(parseTarget(" http://localhost:3000/fido/ ", mode, SELF)).toEqual({ ok: true, url: SELF, self: true });
    }
  });

  it("refuses every other target in self mode, with a way forward", () => {
    const refusal = parseTarget("https://example.com/fido", "self", SELF);
    expect(refusal).toMatchObject({ ok: false, code: "target:not-allowed" });
    expect(refusal.ok || refusal.message).toContain("npm run conformance");
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254 (linkLocal)"],
    ["http://[::ffff:7f00:1]:3000/fido", "::ffff:7f00:1 (loopback)"],
    ["http://2130706433/fido", "127.0.0.1 (loopback)"],
    ["http://[fd00:ec2::254]/", "fd00:ec2::254 (uniqueLocal)"],
    ["http://168.63.129.16/machine", "168.63.129.16 (cloudInternal)"],
  ])("refuses the IP address %s in public mode without any look-up", (url, detail) => {
    expect(parseTarget(url, "public", SELF)).toMatchObject({ ok: false, code: "target:private-address", detail });
    expect(parseTarget(url, "any", SELF)).toMatchObject({ ok: true });
  });

  it("normalises what it accepts in public and any mode", () => {
    expect(parseTarget("HTTPS://Example.COM:443/fido//", "public", SELF)).toEqual({
      ok: true,
      url: "https://example.com/fido",
      self: false,
    });
    expect(parseTarget("http://10.0.0.5:8080/fido", "any", SELF)).toEqual({
      ok: true,
      url: "http://10.0.0.5:8080/fido",
      self: false,
    });
  });
});

describe("checkTargetAddress in public mode", () => {
  const dns: Record<string, string[]> = {
    "public.example": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
    "metadata.example": ["169.254.169.254"],
    "mixed.example": ["93.184.215.14", "10.0.0.7"],
    localhost: ["127.0.0.1", "::1"],
    "mapped.example": ["::ffff:192.168.0.1"],
  };
  const resolve: Resolve = async (host) => {
    if (!(host in dns)) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    return dns[host];
  };
  // Parsed in any mode, so the address check itself is what refuses (parseTarget refuses IP addresses in public mode).
  const check = (url: string) => {
    const parsed = parseTarget(url, "any", SELF);
    if (!parsed.ok) throw new Error(parsed.message);
    return checkTargetAddress(parsed, "public", resolve);
  };

  it.each([
    ["http://169.254.169.254/", "target:private-address", "169.254.169.254 (linkLocal)"],
    [
      "http://metadata.example/latest/meta-data",
      "target:private-address",
      "metadata.example → 169.254.169.254 (linkLocal)",
    ],
    ["http://mixed.example/fido", "target:private-address", "10.0.0.7 (private)"],
    ["http://localhost:8080/fido", "target:private-address", "127.0.0.1 (loopback)"],
    ["http://mapped.example/fido", "target:private-address", "::ffff:192.168.0.1 (private)"],
    ["http://[::1]:3000/fido", "target:private-address", "::1 (loopback)"],
    ["http://[::ffff:7f00:1]/fido", "target:private-address", "(loopback)"],
    ["http://2130706433/fido", "target:private-address", "127.0.0.1 (loopback)"], // 127.0.0.1 as one number
    ["http://0x7f.1/fido", "target:private-address", "127.0.0.1 (loopback)"],
    ["http://[fd00:ec2::254]/", "target:private-address", "(uniqueLocal)"],
    ["http://100.100.100.200/", "target:private-address", "(carrierGradeNat)"],
    ["http://nowhere.example/fido", "target:unresolvable", "ENOTFOUND"],
  ])("%s is refused: %s", async (url, code, detail) => {
    const result = await check(url);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.detail).toContain(detail);
    expect(result.ok ? "" : result.message.length).toBeGreaterThan(20);
  });

  it("accepts a host whose every address is public, and an IP literal that is", async () => {
    expect(await check("https://public.example/fido")).toEqual({
      ok: true,
      url: "https://public.example/fido",
      self: false,
    });
    expect(await check("https://93.184.215.14/fido")).toMatchObject({ ok: true });
  });

  it("checks no address for this server itself, nor in any mode", async () => {
    const self: TargetAccepted = { ok: true, url: SELF, self: true };
    expect(await checkTargetAddress(self, "public", resolve)).toBe(self);
    const internal: TargetAccepted = { ok: true, url: "http://10.0.0.5/fido", self: false };
    expect(await checkTargetAddress(internal, "any", resolve)).toBe(internal);
  });
});
