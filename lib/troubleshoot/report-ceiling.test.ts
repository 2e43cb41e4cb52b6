import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { troubleshootReports } from "@/lib/db/schema";
import { hasRoomForReport } from "./report-ceiling";
import { REPORT_TTL_MS, saveReport } from "./reports";

describe("hasRoomForReport", () => {
  it("is false once the ceiling of unexpired reports is reached; expired reports take no room", async () => {
    await saveReport({ findings: [] }, null);
    await saveReport({ findings: [] }, null);
    const stored = await db.$count(troubleshootReports);
    expect(await hasRoomForReport(new Date(), stored + 1)).toBe(true);
    expect(await hasRoomForReport(new Date(), stored)).toBe(false);
    expect(await hasRoomForReport(new Date(Date.now() + REPORT_TTL_MS + 60_000), 1)).toBe(true);
  });
});
