import { describe, expect, it } from "vitest";
import { summariseExtensionResults } from "./extension-results";
import { extensionSummarySchema } from "./schemas";

describe("summariseExtensionResults: bytes become lengths before anything leaves the page", () => {
  it("keeps credProps, PRF and largeBlob facts, and turns byte outputs into their length", () => {
    // What Chromium returns for a virtual authenticator with PRF and largeBlob (e2e/report-card.spec.ts).
    const raw = {
      credProps: { rk: true },
      largeBlob: { supported: true },
      prf: { enabled: true, results: { first: new ArrayBuffer(32) } },
    };
    const summary = summariseExtensionResults(raw);
    expect(summary).toEqual({
      credProps: { rk: true },
      largeBlob: { supported: true },
      prf: { enabled: true, results: { first: { byteLength: 32 } } },
    });
    expect(extensionSummarySchema.parse(summary)).toEqual(summary);
    expect(JSON.stringify(summary)).not.toContain("ArrayBuffer");
  });

  it("an empty credProps (Chromium's answer when it does not know) stays empty, not false", () => {
    expect(summariseExtensionResults({ credProps: {} })).toEqual({ credProps: {} });
  });

  it("base64url strings from toJSON() count as bytes; unknown outputs are named, not copied", () => {
    const summary = summariseExtensionResults({
      prf: { results: { first: "A".repeat(43) } },
      appid: true,
      hmacCreateSecret: false,
    });
    expect(summary).toEqual({ prf: { results: { first: { byteLength: 32 } } }, others: ["appid", "hmacCreateSecret"] });
    expect(extensionSummarySchema.parse(summary)).toEqual(summary);
  });

  it("anything that is not an object gives an empty summary; odd values are dropped", () => {
    expect(summariseExtensionResults(null)).toEqual({});
    expect(summariseExtensionResults("prf")).toEqual({});
    expect(summariseExtensionResults({ credProps: { rk: "yes" }, prf: { enabled: 1 } })).toEqual({
      credProps: {},
      prf: {},
    });
  });
});
