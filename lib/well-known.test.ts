import { describe, expect, it } from "vitest";
import { passkeyEndpoints, relatedOrigins } from "./well-known";

describe("the well-known files", () => {
  it("send password managers to the account page's passkeys, on this site's origin", () => {
    expect(passkeyEndpoints("https://passkeys.example")).toEqual({
      enroll: "https://passkeys.example/account#passkeys",
      manage: "https://passkeys.example/account#passkeys",
    });
  });

  it("list related origins only when some are configured", () => {
    expect(relatedOrigins(["https://shop.example", "https://example.co.uk"])).toEqual({
      origins: ["https://shop.example", "https://example.co.uk"],
    });
    expect(relatedOrigins([])).toBeNull();
  });
});
