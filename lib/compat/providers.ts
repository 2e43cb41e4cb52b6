// Where a passkey lives and why it may be missing on another device, from the AAGUID recorded at registration and the
// BE (backup eligible) and BS (backed up) flags (WebAuthn L3 §6.1.3). The AAGUID is the dependable signal for which
// manager made a passkey, even for extensions the environment check cannot see (docs/compat.md, providers).
import { authenticatorName } from "@/lib/webauthn/authenticator-names";

export type ProviderKind = "synced-manager" | "platform-device-bound" | "security-key" | "unknown";

export type ProviderDescription = {
  name: string;
  kind: ProviderKind;
  /** How the passkey reaches other devices; null when it never leaves the device or key that made it. */
  syncsVia: string | null;
  /** The manager is known to set the UV flag without verifying the person: worth a warning next to the passkey. */
  fakesUserVerification: boolean;
  whyNotOnThisDevice: string;
};

export type BackupFlags = { backupEligible: boolean; backedUp: boolean };

const APPLE = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
const GOOGLE = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";
/** Windows Hello registers under several AAGUIDs; all keep the passkey on the PC that made it. */
const WINDOWS_HELLO = new Set([
  "08987058-cadc-4b81-b6e1-30de50dcbe96",
  "9ddd1817-af5a-4672-a2b9-3e3dd95000a9",
  "6028b017-b1d4-4c02-b4b3-afcdafc96bb2",
]);
/** Other authenticators built into an OS or a browser profile, by the AAGUID list's names: device-bound, not keys. */
const BUILT_IN = /^(Windows Hello|Chrome on Mac|Edge on Mac)$/;

/** Extensions known to set UV without verifying (1Password, Bitwarden, KeePassXC, Okta, Proton), matched by list name. */
const FAKES_UV = /\b(1Password|Bitwarden|KeePassXC|Okta|Proton)\b/i;

const SYNC_APPLE = "iCloud Keychain: same Apple Account, iCloud Keychain on, two-factor authentication on";
const SYNC_GOOGLE =
  "Google Password Manager: same Google account; on a new device enter the old screen lock or GPM PIN";

const DEVICE_BOUND =
  "It exists only on the device that made it and never syncs; after a factory reset it is gone. Sign in on that device, or sign in another way here and create a new passkey.";

/** Transports only a roaming key uses; a passkey reached over internal or hybrid lives in a device or a phone. */
const KEY_TRANSPORTS = new Set(["usb", "nfc", "ble", "smart-card"]);

function kindOf(
  aaguid: string,
  name: string,
  known: boolean,
  flags: BackupFlags,
  transports: readonly string[],
): ProviderKind {
  if (WINDOWS_HELLO.has(aaguid)) return "platform-device-bound";
  if (flags.backupEligible) return "synced-manager";
  if (known && BUILT_IN.test(name)) return "platform-device-bound";
  // The transports the browser reported at registration (getTransports(), WebAuthn L3 §5.8.4) say where the passkey
  // sits, even when the AAGUID list does not: internal or hybrid is a device or a phone, never a key to plug in.
  if (transports.length > 0)
    return transports.every((transport) => KEY_TRANSPORTS.has(transport)) ? "security-key" : "platform-device-bound";
  // BE=0 from a named authenticator that is not a platform one: in the AAGUID list that is a security key.
  return known ? "security-key" : "unknown";
}

function syncsVia(aaguid: string, name: string, known: boolean, flags: BackupFlags): string | null {
  if (!flags.backupEligible) return null;
  if (aaguid === APPLE) return SYNC_APPLE;
  if (aaguid === GOOGLE) return SYNC_GOOGLE;
  return known
    ? `${name}: the same ${name} account, signed in on each device`
    : "The password manager that made it (it did not say which)";
}

function whyNot(aaguid: string, name: string, known: boolean, kind: ProviderKind, flags: BackupFlags): string {
  if (kind === "platform-device-bound") {
    return WINDOWS_HELLO.has(aaguid)
      ? `Windows Hello keeps passkeys on the PC that made them. ${DEVICE_BOUND}`
      : DEVICE_BOUND;
  }
  if (kind === "security-key") {
    return `It is stored on your security key${known ? ` (${name})` : ""} and never copied: plug the key in or hold it to the device (browsers on a Mac do not use NFC, so plug it in there).`;
  }
  if (!flags.backupEligible) return DEVICE_BOUND;
  const pending = flags.backedUp
    ? ""
    : " It had not been backed up yet when it was last used, so check that syncing is on where you made it.";
  if (aaguid === APPLE) {
    return `It is in iCloud Keychain. On another Apple device, sign in to the same Apple Account with iCloud Keychain (Passwords) on and two-factor authentication on. On another device, use your iPhone: choose the QR code option and scan it (Bluetooth on, on both devices).${pending}`;
  }
  if (aaguid === GOOGLE) {
    return `It is in Google Password Manager. Sign in to the same Google account; on a new device, enter the old device's screen lock or your Google Password Manager PIN when asked.${pending}`;
  }
  return `It is in ${known ? name : "a password manager that did not say its name"}. Install it on this device (app or browser extension) and sign in to the same account.${pending}`;
}

/** `transports`: what the browser reported when the passkey was made (empty when unknown). */
export function describeProvider(
  aaguid: string,
  flags: BackupFlags,
  transports: readonly string[] = [],
): ProviderDescription {
  const id = aaguid.toLowerCase();
  const { name, known } = authenticatorName(id);
  const kind = kindOf(id, name, known, flags, transports);
  return {
    name,
    kind,
    syncsVia: syncsVia(id, name, known, flags),
    fakesUserVerification: known && FAKES_UV.test(name),
    whyNotOnThisDevice: whyNot(id, name, known, kind, flags),
  };
}
