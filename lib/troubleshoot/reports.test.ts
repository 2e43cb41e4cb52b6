import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { troubleshootReports } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { limits } from "@/lib/auth/rate-limit";
import { newReportCode, normaliseLegacyReportCode, normaliseReportCode, REPORT_CODE_BITS } from "./report-code";
import { findReportForStaff, lookUpReport, saveReport } from "./reports";

const CROCKFORD = "[0-9A-HJKMNP-TV-Z]";
const source = () => `198.51.100.${newToken(4)}`;

describe("report codes", () => {
  it("SEC-64 are 60 random bits in four groups of three Crockford base32 symbols", () => {
    expect(REPORT_CODE_BITS).toBeGreaterThanOrEqual(60);
    const codes = Array.from({ length: 2000 }, newReportCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^${CROCKFORD}{3}(-${CROCKFORD}{3}){3}$`));
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up, at about 1/32 each (12 × 2000 = 24 000 draws, 750 expected per symbol).
    const counts = new Map<string, number>();
    for (const char of codes.join("").replace(/-/g, "")) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(count).toBeGreaterThan(550);
  });

  it("come back however they are read or typed: case, spaces, no hyphens, and I, L, O for 1, 1, 0", () => {
    expect(normaliseReportCode("k7m 4qx 9tz h2d")).toBe("K7M-4QX-9TZ-H2D");
    expect(normaliseReportCode("K7M4QX9TZH2D")).toBe("K7M-4QX-9TZ-H2D");
    expect(normaliseReportCode("k7m-4qx-9tz-hlo")).toBe("K7M-4QX-9TZ-H10");
    expect(normaliseReportCode("K7M-4QX-9TZ-H2U")).toBeNull(); // U is not a symbol
    expect(normaliseReportCode("K7M-4QX-9TZ-H2")).toBeNull();
    expect(normaliseReportCode("K7M-4QX")).toBeNull();
    expect(normaliseLegacyReportCode("k7m 4qx")).toBe("K7M-4QX");
    expect(normaliseLegacyReportCode("K0M-4QX")).toBeNull();
  });
});

describe("troubleshooting reports", () => {
  it("redacts challenges, keys and tokens, and finds the report by code until it expires", async () => {
    const code = await saveReport(
      {
        findings: [{ id: "secure-context", status: "ok" }],
        liveTest: { challenge: "c2VjcmV0", publicKey: "AQID", nested: { sessionToken: "x" } },
      },
      null,
    );
    const report = await lookUpReport(code.toLowerCase(), source());
    expect(report.ok && report.data.content).toEqual({
      findings: [{ id: "secure-context", status: "ok" }],
      liveTest: { challenge: "[redacted]", publicKey: "[redacted]", nested: { sessionToken: "[redacted]" } },
    });
    await db
      .update(troubleshootReports)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(troubleshootReports.code, code));
    expect(await lookUpReport(code, source())).toMatchObject({ ok: false, code: "report:not-found" });
    expect(await findReportForStaff(code)).toBeNull();
  });

  it("SEC-64 shows the contact email to support staff only", async () => {
    const code = await saveReport({ findings: [], contactEmail: "person@example.com" }, null);
    const forAnyone = await lookUpReport(code, source());
    expect(forAnyone.ok && forAnyone.data.content).toEqual({ findings: [] });
    expect((await findReportForStaff(code))?.content).toEqual({ findings: [], contactEmail: "person@example.com" });
  });

  it("SEC-64 opens a report of the first, short scheme for staff only", async () => {
    await db
      .insert(troubleshootReports)
      .values({ code: "K7M-4QX", content: { findings: [] }, expiresAt: new Date(Date.now() + 60_000) })
      .onConflictDoNothing();
    expect(await lookUpReport("K7M-4QX", source())).toMatchObject({ ok: false, code: "report:not-found" });
    expect((await findReportForStaff("k7m 4qx"))?.code).toBe("K7M-4QX");
  });

  it("SEC-64 counts look-ups per client, then for everyone together, found or not", async () => {
    const code = await saveReport({ findings: [] }, null);
    const guesser = source();
    for (let i = 0; i < limits.reportLookupPerClient.max; i++) {
      expect((await lookUpReport(newReportCode(), guesser)).ok).toBe(false);
    }
    expect(await lookUpReport(code, guesser)).toMatchObject({ ok: false, code: "rate:limited" });
    expect((await lookUpReport(code, source())).ok).toBe(true);

    // Many addresses together stop at the overall limit (every look-up in this file counted towards it).
    const counted = limits.reportLookupPerClient.max + 1;
    for (let i = counted; i < limits.reportLookupOverall.max; i++) await lookUpReport(newReportCode(), source());
    expect(await lookUpReport(code, source())).toMatchObject({ ok: false, code: "rate:limited" });
    expect((await findReportForStaff(code))?.code).toBe(code);
  });
});
