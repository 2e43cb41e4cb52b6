import { describe, expect, it } from "vitest";
import { transportName } from "./transport-names";

describe("transportName", () => {
  it.each([
    ["internal", "This device"],
    ["usb", "USB"],
    ["nfc", "NFC"],
    ["ble", "Bluetooth"],
    ["hybrid", "Phone (hybrid)"],
    ["smart-card", "Smart card"],
  ])("says %s as %s", (transport, words) => {
    expect(transportName(transport)).toBe(words);
  });

  it("keeps a value it does not know as it came", () => {
    expect(transportName("carrier-pigeon")).toBe("carrier-pigeon");
  });
});
