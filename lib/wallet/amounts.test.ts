import { describe, expect, it } from "vitest";
import { formatAmount, parseAmount } from "./amounts";

describe("LAB amounts", () => {
  it.each([
    ["1", 100_000_000],
    ["0.00000001", 1],
    [" 2.5 ", 250_000_000],
    ["10.12345678", 1_012_345_678],
  ])("parses %j as %d units", (text, units) => expect(parseAmount(text)).toBe(units));

  it.each(["0", "0.0", "-1", "1.123456789", "1e3", "1,5", "", ".5", "1."])("refuses %j", (text) =>
    expect(parseAmount(text)).toBeNull(),
  );

  it("formats units without trailing zeros", () => {
    expect(formatAmount(100_000_000)).toBe("1 LAB");
    expect(formatAmount(125_000_000)).toBe("1.25 LAB");
    expect(formatAmount(1)).toBe("0.00000001 LAB");
    expect(formatAmount(-250_000_000)).toBe("-2.5 LAB");
  });
});
