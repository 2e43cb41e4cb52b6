import { describe, expect, it } from "vitest";
import { cspNonce } from "./csp-nonce";
import { pageSecurityHeaders } from "./security-headers";

describe("cspNonce", () => {
  it("reads back the nonce the proxy put in the policy", () => {
    const nonce = "q0mN2pJ1u8c5vQ3xXkq7ZA==";
    const policy = pageSecurityHeaders({ nonce, https: true, development: false })["Content-Security-Policy"];
    expect(cspNonce(new Headers({ "content-security-policy": policy }))).toBe(nonce);
  });

  it("is undefined where no policy names one", () => {
    expect(cspNonce(new Headers())).toBeUndefined();
    expect(cspNonce(new Headers({ "content-security-policy": "default-src 'self'" }))).toBeUndefined();
  });
});
