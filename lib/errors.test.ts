import { describe, expect, it } from "vitest";
import { ERRORS, failureResponse } from "./errors";

describe("the error registry", () => {
  it("gives every code a 4xx or 5xx status", () => {
    for (const [code, { status }] of Object.entries(ERRORS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it("answers route handlers in one shape, with the code's status, and the detail only where it may be shown", async () => {
    const shown = failureResponse({
      code: "target:scheme",
      message: "Only http:// and https:// addresses can be tested.",
      detail: "gopher:",
    });
    expect(shown.status).toBe(400);
    expect(await shown.json()).toEqual({
      ok: false,
      code: "target:scheme",
      message: "Only http:// and https:// addresses can be tested.",
      detail: "gopher:",
    });

    // A stranger signing in never gets the verifier's words (security bar 62).
    const hidden = failureResponse(
      { code: "passkey:not-verified", message: "", detail: "response origin https://evil.example" },
      { "Cache-Control": "no-store" },
    );
    expect(hidden.status).toBe(400);
    expect(hidden.headers.get("cache-control")).toBe("no-store");
    expect(await hidden.json()).toEqual({
      ok: false,
      code: "passkey:not-verified",
      message: "That passkey couldn't be verified. Try again, or choose another passkey.",
    });
  });
});
