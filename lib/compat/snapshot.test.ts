import { describe, expect, it } from "vitest";
import { environmentSnapshotSchema } from "./snapshot";
import { healthySnapshot } from "./test-snapshots";

describe("environmentSnapshotSchema", () => {
  it("accepts a full snapshot from a Chromium browser", () => {
    const snapshot = healthySnapshot({ clientCapabilities: { conditionalGet: true, "extension:prf": true } });
    expect(environmentSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it("accepts the bare minimum a browser without any of the APIs can send", () => {
    expect(environmentSnapshotSchema.safeParse({ javascript: true }).success).toBe(true);
    expect(
      environmentSnapshotSchema.safeParse({
        javascript: true,
        userAgentData: null,
        publicKeyCredential: { present: false },
      }).success,
    ).toBe(true);
  });

  const long = "x".repeat(1001);
  const many = <T>(item: T, count: number) => Array.from({ length: count }, () => item);
  const tooManyCapabilities = Object.fromEntries(many(0, 51).map((_, index) => [`key${index}`, true]));

  it.each([
    ["a User-Agent over 1000 characters", { userAgent: long }],
    ["a hostname over 1000 characters", { location: { origin: "https://a", protocol: "https:", hostname: long } }],
    ["over 50 brands", { userAgentData: { brands: many({ brand: "A", version: "1" }, 51) } }],
    ["over 50 own properties", { publicKeyCredential: { present: true, ownPropertiesOnCredentials: many("get", 51) } }],
    ["over 50 client capabilities", { clientCapabilities: tooManyCapabilities }],
    ["a key the page never sends", { cookiesEnabled: true, secret: "x" }],
    ["an unknown probe result", { serverReachable: "maybe" }],
    ["a report that claims no JavaScript", { javascript: false }],
  ])("refuses %s", (_case, fields) => {
    expect(environmentSnapshotSchema.safeParse({ javascript: true, ...fields }).success).toBe(false);
  });
});
