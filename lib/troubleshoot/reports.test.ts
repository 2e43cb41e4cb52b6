import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { troubleshootReports } from "@/lib/db/schema";
import { newReportCode, normaliseReportCode } from "./report-code";
import { findReport, saveReport } from "./reports";

describe("troubleshooting reports", () => {
  it("makes codes that read aloud and come back however they are typed", () => {
    const code = newReportCode();
    expect(code).toMatch(/^[2346789ABCDEFGHJKMNPQRTUVWXYZ]{3}-[2346789ABCDEFGHJKMNPQRTUVWXYZ]{3}$/);
    expect(normaliseReportCode(code.toLowerCase().replace("-", " "))).toBe(code);
    expect(normaliseReportCode("K0M-4QX")).toBeNull();
    expect(normaliseReportCode("K7M-4Q")).toBeNull();
  });

  it("redacts challenges, keys and tokens, and finds the report by code until it expires", async () => {
    const code = await saveReport(
      { findings: [{ id: "secure-context", status: "ok" }], liveTest: { challenge: "c2VjcmV0", publicKey: "AQID", nested: { sessionToken: "x" } } },
      null,
    );
    const report = await findReport(code.toLowerCase());
    expect(report?.content).toEqual({
      findings: [{ id: "secure-context", status: "ok" }],
      liveTest: { challenge: "[redacted]", publicKey: "[redacted]", nested: { sessionToken: "[redacted]" } },
    });
    await db.update(troubleshootReports).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(troubleshootReports.code, code));
    expect(await findReport(code)).toBeNull();
  });
});
