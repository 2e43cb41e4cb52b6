import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  HSTS,
  pageSecurityHeaders,
  securityHeaders,
  servedOverHttps,
  STATIC_SECURITY_HEADERS,
} from "./security-headers";

const nonce = "q0mN2pJ1u8c5vQ3xXkq7ZA==";

/** A policy as the browser reads it: directive name → its sources (CSP Level 3 §2.2.1). */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe("content security policy", () => {
  it.each([
    { directive: "script-src", sources: ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] },
    { directive: "style-src", sources: ["'self'", `'nonce-${nonce}'`] },
    { directive: "default-src", sources: ["'self'"] },
    { directive: "img-src", sources: ["'self'", "data:"] },
    { directive: "connect-src", sources: ["'self'"] },
    { directive: "object-src", sources: ["'none'"] },
    { directive: "base-uri", sources: ["'none'"] },
    { directive: "form-action", sources: ["'self'"] },
    { directive: "frame-ancestors", sources: ["'none'"] },
  ])("$directive is $sources", ({ directive, sources }) => {
    expect(parsePolicy(contentSecurityPolicy({ nonce, https: false })).get(directive)).toEqual(sources);
  });

  it("never allows inline code or eval in production", () => {
    for (const https of [false, true]) {
      const policy = contentSecurityPolicy({ nonce, https });
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
    }
  });

  it("allows eval only under next dev, for React's error stacks", () => {
    expect(parsePolicy(contentSecurityPolicy({ nonce, https: false, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it.each([
    { https: true, upgrade: true },
    { https: false, upgrade: false },
  ])("upgrade-insecure-requests only over https (https: $https)", ({ https, upgrade }) => {
    expect(parsePolicy(contentSecurityPolicy({ nonce, https })).has("upgrade-insecure-requests")).toBe(upgrade);
  });
});

describe("page security headers", () => {
  it.each([
    { https: true, hsts: HSTS },
    { https: false, hsts: undefined },
  ])("Strict-Transport-Security only over https (https: $https)", ({ https, hsts }) => {
    expect(pageSecurityHeaders({ nonce, https })["Strict-Transport-Security"]).toBe(hsts);
  });

  it("HSTS lasts at least a year and covers this host's subdomains", () => {
    const maxAge = Number(/max-age=(\d+)/.exec(HSTS)?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    expect(HSTS).toContain("includeSubDomains");
  });

  it("a page gets the static headers and its own, with its nonce", () => {
    const headers = securityHeaders({ nonce, https: true });
    expect(Object.keys(headers).sort()).toEqual(
      [
        "Content-Security-Policy",
        "Permissions-Policy",
        "Referrer-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "X-Frame-Options",
      ].sort(),
    );
    expect(headers["Content-Security-Policy"]).toContain(`'nonce-${nonce}'`);
  });
});

describe("static security headers", () => {
  it.each([
    { name: "X-Frame-Options", value: "DENY" },
    { name: "X-Content-Type-Options", value: "nosniff" },
    { name: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ])("$name: $value", ({ name, value }) => {
    expect(STATIC_SECURITY_HEADERS[name]).toBe(value);
  });

  it("Permissions-Policy lets only this origin use WebAuthn, and turns off what the portal does not use", () => {
    const features = new Map(
      STATIC_SECURITY_HEADERS["Permissions-Policy"]
        .split(",")
        .map((entry) => entry.trim().split("=") as [string, string]),
    );
    expect(features.get("publickey-credentials-get")).toBe("(self)");
    expect(features.get("publickey-credentials-create")).toBe("(self)");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "display-capture"]) {
      expect(features.get(feature), feature).toBe("()");
    }
    expect([...features.values()].every((allow) => allow === "()" || allow === "(self)")).toBe(true);
  });
});

describe("served over https", () => {
  it.each([
    { origins: ["https://passkeys.example.com"], https: true },
    { origins: ["https://passkeys.example.com", "https://www.passkeys.example.com"], https: true },
    { origins: ["http://localhost:3000"], https: false },
    { origins: [], https: false },
  ])("$origins → $https", ({ origins, https }) => {
    expect(servedOverHttps(origins)).toBe(https);
  });
});
