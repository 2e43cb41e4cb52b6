import { describe, expect, it } from "vitest";
import { describeProvider } from "./providers";

const synced = { backupEligible: true, backedUp: true };
const deviceBound = { backupEligible: false, backedUp: false };

describe("describeProvider", () => {
  it.each([
    [
      "Apple Passwords",
      "fbfc3007-154e-4ecc-8c0b-6e020557d7bd",
      synced,
      {
        name: "Apple Passwords",
        kind: "synced-manager",
        syncsVia: "iCloud Keychain: same Apple Account, iCloud Keychain on, two-factor authentication on",
        fakesUserVerification: false,
      },
    ],
    [
      "Google Password Manager",
      "EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4",
      synced,
      {
        name: "Google Password Manager",
        kind: "synced-manager",
        syncsVia: "Google Password Manager: same Google account; on a new device enter the old screen lock or GPM PIN",
        fakesUserVerification: false,
      },
    ],
    [
      "Windows Hello",
      "08987058-cadc-4b81-b6e1-30de50dcbe96",
      deviceBound,
      { name: "Windows Hello", kind: "platform-device-bound", syncsVia: null, fakesUserVerification: false },
    ],
    [
      "Windows Hello (second AAGUID)",
      "9ddd1817-af5a-4672-a2b9-3e3dd95000a9",
      deviceBound,
      { name: "Windows Hello", kind: "platform-device-bound", syncsVia: null },
    ],
    [
      "Chrome on Mac profile",
      "adce0002-35bc-c60a-648b-0b25f1f05503",
      deviceBound,
      { name: "Chrome on Mac", kind: "platform-device-bound", syncsVia: null },
    ],
    [
      "1Password fakes UV",
      "bada5566-a7aa-401f-bd96-45619a55120d",
      synced,
      {
        name: "1Password",
        kind: "synced-manager",
        syncsVia: "1Password: the same 1Password account, signed in on each device",
        fakesUserVerification: true,
      },
    ],
    [
      "Bitwarden fakes UV",
      "d548826e-79b4-db40-a3d8-11116f7e8349",
      synced,
      { name: "Bitwarden", fakesUserVerification: true },
    ],
    [
      "KeePassXC fakes UV",
      "fdb141b2-5d84-443e-8a35-4698c205a502",
      synced,
      { name: "KeePassXC", fakesUserVerification: true },
    ],
    [
      "Proton Pass fakes UV",
      "50726f74-6f6e-5061-7373-50726f746f6e",
      synced,
      { name: "Proton Pass", fakesUserVerification: true },
    ],
    [
      "KeePassDX is not KeePassXC",
      "eaecdef2-1c31-5634-8639-f1cbd9c00a08",
      synced,
      { name: "KeePassDX", fakesUserVerification: false },
    ],
    [
      "YubiKey: a security key",
      "cb69481e-8ff7-4039-93ec-0a2729a154a8",
      deviceBound,
      { name: "YubiKey 5 Series", kind: "security-key", syncsVia: null, fakesUserVerification: false },
    ],
    [
      "undisclosed and synced",
      "00000000-0000-0000-0000-000000000000",
      synced,
      {
        name: "Not disclosed by the authenticator",
        kind: "synced-manager",
        syncsVia: "The password manager that made it (it did not say which)",
      },
    ],
    [
      "undisclosed and device-bound",
      "00000000-0000-0000-0000-000000000000",
      deviceBound,
      { kind: "unknown", syncsVia: null },
    ],
  ])("%s", (_case, aaguid, flags, expected) => {
    expect(describeProvider(aaguid, flags)).toMatchObject(expected);
  });

  it.each([
    ["Apple, on another device", "fbfc3007-154e-4ecc-8c0b-6e020557d7bd", synced, "same Apple Account"],
    [
      "Google, on a new device",
      "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4",
      synced,
      "old device's screen lock or your Google Password Manager PIN",
    ],
    [
      "Windows Hello after a reset",
      "6028b017-b1d4-4c02-b4b3-afcdafc96bb2",
      deviceBound,
      "after a factory reset it is gone",
    ],
    ["any BE=0 passkey", "00000000-0000-0000-0000-000000000000", deviceBound, "only on the device that made it"],
    [
      "sync eligible but not yet backed up",
      "bada5566-a7aa-401f-bd96-45619a55120d",
      { backupEligible: true, backedUp: false },
      "not been backed up yet",
    ],
    ["a security key", "cb69481e-8ff7-4039-93ec-0a2729a154a8", deviceBound, "plug the key in"],
    ["another manager", "d548826e-79b4-db40-a3d8-11116f7e8349", synced, "Install it on this device"],
  ])("explains why it is not on this device: %s", (_case, aaguid, flags, text) => {
    expect(describeProvider(aaguid, flags).whyNotOnThisDevice).toContain(text);
  });

  // The transports the browser reported at registration decide over the AAGUID list, which names no kind.
  const VIRTUAL = "01020304-0506-0708-0102-030405060708";
  const UNKNOWN = "6e8a2f31-0c6b-4f4e-9a57-3d1c2b7e9f10";
  it.each([
    ["Chromium's virtual authenticator as this device", VIRTUAL, deviceBound, ["internal"], "platform-device-bound"],
    ["Chromium's virtual authenticator as a USB key", VIRTUAL, deviceBound, ["usb"], "security-key"],
    ["an unknown AAGUID on this device", UNKNOWN, deviceBound, ["internal"], "platform-device-bound"],
    ["an unknown AAGUID on a phone", UNKNOWN, deviceBound, ["hybrid"], "platform-device-bound"],
    [
      "an unknown AAGUID over hybrid and internal",
      UNKNOWN,
      deviceBound,
      ["hybrid", "internal"],
      "platform-device-bound",
    ],
    ["an unknown AAGUID that syncs, whatever the transport", UNKNOWN, synced, ["usb"], "synced-manager"],
    ["an unknown AAGUID over USB, NFC and Bluetooth only", UNKNOWN, deviceBound, ["ble", "nfc", "usb"], "security-key"],
    [
      "a key that also answers internal is not only a key",
      "cb69481e-8ff7-4039-93ec-0a2729a154a8",
      deviceBound,
      ["internal", "usb"],
      "platform-device-bound",
    ],
    [
      "a known key with no transports recorded",
      "cb69481e-8ff7-4039-93ec-0a2729a154a8",
      deviceBound,
      [],
      "security-key",
    ],
    ["an unknown AAGUID with no transports recorded", UNKNOWN, deviceBound, [], "unknown"],
  ])("by transports: %s", (_case, aaguid, flags, transports, kind) => {
    const provider = describeProvider(aaguid, flags, transports);
    expect(provider.kind).toBe(kind);
    if (kind !== "security-key") expect(provider.whyNotOnThisDevice).not.toContain("security key");
  });

  it("calls an unnamed key a security key without its placeholder name", () => {
    expect(describeProvider("6e8a2f31-0c6b-4f4e-9a57-3d1c2b7e9f10", deviceBound, ["usb"]).whyNotOnThisDevice).toMatch(
      /^It is stored on your security key and never copied: plug the key in/,
    );
  });
});
