import { describe, expect, it } from "vitest";
import { looksLikeReportCode, newReportCode } from "./report-code";

describe("looksLikeReportCode", () => {
  it("accepts codes of either scheme as people type them, and refuses what cannot be one", () => {
    expect(looksLikeReportCode(newReportCode())).toBe(true);
    expect(looksLikeReportCode("k7m 4qx 9tz h2o")).toBe(true);
    expect(looksLikeReportCode("K7M-4QX")).toBe(true);
    for (const typed of ["not-a-code", "K7M-4QX-9TZ", "K7M-4QX-9TZ-H2D-X", "hello@example.com", "12345"])
      expect(looksLikeReportCode(typed), typed).toBe(false);
  });
});
