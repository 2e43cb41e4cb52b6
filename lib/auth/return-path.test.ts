import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/account", "/account"],
    ["/wallet", "/wallet"],
    ["/account/activity", "/account/activity"],
    ["/wallet?amount=1", "/wallet?amount=1"],
    ["/account/two-factor#top", "/account/two-factor"],
  ])("keeps a path on the signed-in area: %s", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    42,
    ["/wallet"],
    "",
    "wallet",
    "https://evil.example/account",
    "//evil.example/account",
    "/\\evil.example/account",
    "/\t/evil.example/account",
    "/\n/evil.example",
    "\\\\evil.example/account",
    "javascript:alert(1)",
    "/sign-in",
    "/",
    "/accounts",
    "/wallet-evil",
    "/account/../sign-out",
    "/account/%2e%2e/troubleshoot",
    `/account/${"a".repeat(600)}`,
  ])("falls back to /account for %j", (next) => {
    expect(safeReturnPath(next)).toBe("/account");
  });
});
