import { describe, expect, it } from "vitest";
import { describeClient } from "./client-info";

describe("describeClient", () => {
  it("names the browser's major version and the OS, with no words that would need translating", () => {
    const chrome =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7390.54 Safari/537.36";
    expect(describeClient(chrome)).toBe("Chrome 156 · Linux");
    const safari =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15";
    expect(describeClient(safari)).toBe("Safari 19 · macOS Catalina");
  });

  it("says what it knows, and a dash when the browser said nothing it can read", () => {
    expect(describeClient("curl/8.5.0")).toBe("—");
    expect(describeClient(null)).toBe("—");
    expect(describeClient("")).toBe("—");
  });
});
