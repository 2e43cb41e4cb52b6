import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import { transportName, transportNames } from "./transport-names";

const english = transportNames(createTranslator({ locale: "en", messages: en, namespace: "passkeys" }));

describe("transportName", () => {
  it.each([
    ["internal", "This device"],
    ["usb", "USB"],
    ["nfc", "NFC"],
    ["ble", "Bluetooth"],
    ["hybrid", "Phone (hybrid)"],
    ["smart-card", "Smart card"],
  ])("says %s as %s", (transport, words) => {
    expect(transportName(transport, english)).toBe(words);
  });

  it("says them in the page's language, and keeps a value it does not know as it came", () => {
    const arabic = transportNames(createTranslator({ locale: "ar", messages: ar, namespace: "passkeys" }));
    expect(transportName("internal", arabic)).toBe("هذا الجهاز");
    expect(transportName("usb", arabic)).toBe("USB");
    expect(transportName("carrier-pigeon", english)).toBe("carrier-pigeon");
  });
});
