import { describe, expect, it } from "vitest";
import { formatDateTime, formatInUtc, regionalLocale } from "./date-time";

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

describe("formatInUtc in the page's language", () => {
  it("writes the same moment in Spanish, Chinese and Arabic", () => {
    expect(formatInUtc(moment, "date", "es")).toBe("7 dic 2026 UTC");
    expect(formatInUtc(moment, "date", "zh")).toBe("2026年12月7日 UTC");
    expect(formatInUtc(moment, "date", "ar")).toMatch(/^07\u200f\/12\u200f\/2026 UTC$/);
  });
});

describe("regionalLocale", () => {
  it("takes the browser's regional variant of the page's language", () => {
    expect(regionalLocale("en", ["en-GB", "en"])).toBe("en-GB");
    expect(regionalLocale("es", ["fr-FR", "es-MX"])).toBe("es-MX");
  });

  it("keeps a translated page's language when the browser has none of it", () => {
    expect(regionalLocale("zh", ["en-US"])).toBe("zh");
    expect(regionalLocale("ar", [])).toBe("ar");
  });

  it("on an English page, keeps the reader's own locale when English is not among theirs", () => {
    expect(regionalLocale("en", ["de-DE", "fr"])).toBe("de-DE");
    expect(regionalLocale("en", [])).toBe("en");
  });
});
