import { describe, expect, it } from "vitest";
import { parseSiteInput } from "./site-input";

describe("parseSiteInput", () => {
  it("reads an RP ID as its https origin, and an origin as itself", () => {
    expect(parseSiteInput(" example.com ")).toEqual({
      ok: true,
      data: { rpId: "example.com", origin: "https://example.com" },
    });
    expect(parseSiteInput("http://localhost:3000")).toEqual({
      ok: true,
      data: { rpId: "localhost", origin: "http://localhost:3000" },
    });
    expect(parseSiteInput("https://Login.Example.com/")).toMatchObject({ data: { rpId: "login.example.com" } });
  });

  it("refuses IP addresses, paths, other schemes and nonsense with a typed code", () => {
    expect(parseSiteInput("192.0.2.1")).toMatchObject({ ok: false, code: "site-check:ip-address" });
    expect(parseSiteInput("https://[::1]:8443")).toMatchObject({ ok: false, code: "site-check:ip-address" });
    for (const bad of ["", "https://example.com/login", "ftp://example.com", "https://user@example.com", "a b"])
      expect(parseSiteInput(bad)).toMatchObject({ ok: false, code: "site-check:malformed" });
  });
});
