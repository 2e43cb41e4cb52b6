import { describe, expect, it } from "vitest";
import { readableActionArguments } from "./action-arguments";

describe("server-action arguments", () => {
  it("accepts what React's encodeReply sends for plain values", () => {
    for (const body of [
      "[]",
      '["alice@example.com"]',
      '["ceremony", {"id": "abc", "response": {"clientDataJSON": "eyJ0"}, "clientExtensionResults": {}}]',
      '["$$starts with a dollar", "$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$n12", "$D2026-11-25T06:00:00.000Z"]',
      "[null, 1, true, [], {}]",
    ]) {
      expect(readableActionArguments(body), body).toBe(true);
    }
  });

  it("refuses references no client sends for plain values, anywhere in the body, and bodies that are not JSON", () => {
    for (const body of [
      '["$"]',
      '["$1"]',
      '["$Q1"]',
      '["$W1"]',
      '["$F"]',
      '["$h1"]',
      '["$B1"]',
      '["$l"]',
      '["$Z"]',
      '["$@1"]',
      '[{"a": ["x", {"b": "$K1"}]}]',
      "not json",
      "",
      "[1,",
      "null",
      "1",
      '"x"',
      "true",
      "{}",
    ]) {
      expect(readableActionArguments(body), body).toBe(false);
    }
  });

  it("lets the root part of a multipart body pass a FormData argument, and only there", () => {
    expect(readableActionArguments('[null, "$K1"]', { formData: true })).toBe(true);
    expect(readableActionArguments('[null, "$K1"]')).toBe(false);
    expect(readableActionArguments('[null, "$Q1"]', { formData: true })).toBe(false);
  });

  it("walks a deeply nested body without running out of stack", () => {
    const deep = `${"[".repeat(5_000)}"$1"${"]".repeat(5_000)}`;
    expect(readableActionArguments(deep)).toBe(false);
  });
});
