import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it("takes the switcher's cookie over the browser's languages", () => {
    expect(negotiateLocale("ar", "es-ES,es;q=0.9")).toBe("ar");
  });

  it("ignores a cookie naming a language we do not have", () => {
    expect(negotiateLocale("fr", "zh-CN,zh;q=0.9")).toBe("zh");
    expect(negotiateLocale("<script>", null)).toBe("en");
  });

  it("picks the supported language with the highest q-value, by primary subtag", () => {
    expect(negotiateLocale(undefined, "fr-FR,fr;q=0.9,es-MX;q=0.8,en;q=0.7")).toBe("es");
    expect(negotiateLocale(undefined, "en;q=0.5, ar-EG;q=0.8")).toBe("ar");
    expect(negotiateLocale(undefined, "zh-Hans-CN")).toBe("zh");
  });

  it("keeps the first listed on a tie and never picks q=0", () => {
    expect(negotiateLocale(undefined, "es, zh")).toBe("es");
    expect(negotiateLocale(undefined, "es;q=0, zh;q=0.1")).toBe("zh");
  });

  it("falls back to English on no header, a wildcard or nonsense", () => {
    expect(negotiateLocale(undefined, null)).toBe("en");
    expect(negotiateLocale(undefined, "*")).toBe("en");
    expect(negotiateLocale(undefined, ";;;,,q=2")).toBe("en");
    expect(negotiateLocale(undefined, "x".repeat(5000) + ",es")).toBe("en");
  });
});
