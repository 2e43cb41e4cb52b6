import { describe, expect, it } from "vitest";
import { clientParts, describeClient } from "./client-info";

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe("clientParts", () => {
  it("takes describeClient's words back apart into names", () => {
    expect(describeClient(CHROME_LINUX)).toBe("Chrome 131 on Linux");
    expect(clientParts(describeClient(CHROME_LINUX))).toEqual({ browser: "Chrome 131", os: "Linux" });
  });

  it("says which part was unknown", () => {
    expect(clientParts(describeClient(null))).toEqual({ browser: null, os: null });
    expect(clientParts("Unknown browser on Windows 10")).toEqual({ browser: null, os: "Windows 10" });
    expect(clientParts("Firefox 140")).toEqual({ browser: "Firefox 140", os: null });
  });
});
