import { describe, expect, it } from "vitest";
import { formatDateTime, formatInUtc } from "./date-time";

const moment = new Date("2026-12-07T05:42:00Z");

describe("formatDateTime", () => {
  it("writes the date and time in the locale and zone given", () => {
    expect(formatDateTime(moment, { locale: "en-US", timeZone: "UTC" })).toBe("Dec 7, 2026, 5:42 AM");
    expect(formatDateTime(moment, { locale: "de-DE", timeZone: "Europe/Berlin" })).toBe("07.12.2026, 06:42");
    expect(formatDateTime(moment, { locale: "en-GB", timeZone: "UTC" })).toBe("7 Dec 2026, 05:42");
  });

  it("writes a day alone when asked", () => {
    expect(formatDateTime(moment, { show: "date", locale: "en-US", timeZone: "UTC" })).toBe("Dec 7, 2026");
  });

  it("falls back to the runtime's locale for a tag it cannot use", () => {
    expect(formatDateTime(moment, { locale: "not a locale", timeZone: "UTC" })).toMatch(/2026/);
  });
});

describe("formatInUtc", () => {
  it("says the zone, for text written before the person's own is known", () => {
    expect(formatInUtc(moment)).toBe("Dec 7, 2026, 5:42 AM UTC");
    expect(formatInUtc(moment, "date")).toBe("Dec 7, 2026 UTC");
  });
});
