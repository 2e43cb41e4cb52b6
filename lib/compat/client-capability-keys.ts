// What each getClientCapabilities() key means for a person (WebAuthn L3 §5.1.7, ClientCapability enum), and whether
// this site uses it. Keys not listed here (such as "extension:largeBlob") are features this site does not use; of the
// extensions it uses only PRF, for the account page's note (lib/notes).
import type { Platform } from "./platform-types";
import { screenLockSteps } from "./fix-steps";

export type CapabilityKeyInfo = {
  title: string;
  whenTrue: string;
  whenFalse: string;
  /** This site uses it, so a false changes what this person can do here (a warning); else it is "not used here". */
  usedHere: boolean;
  /** A convenience this site offers where the browser can: without it nothing is wrong, so false is no warning. */
  optional?: true;
  fix?: (platform: Platform) => string;
};

export const REMOVE_BY_HAND =
  "After you remove a passkey here, delete it in the password manager that holds it too (the Passwords app on Apple devices, Google Password Manager, or your password manager app).";

export const capabilityKeys: Record<string, CapabilityKeyInfo> = {
  conditionalGet: {
    title: "Passkeys in autofill",
    whenTrue: "Passkeys can be offered in the sign-in form's suggestions.",
    whenFalse: "Passkeys will not appear in the sign-in form's suggestions.",
    usedHere: true,
    fix: () => "Use the “Sign in with a passkey” button instead.",
  },
  conditionalCreate: {
    title: "Automatic passkey creation",
    whenTrue:
      "After you sign in here with your password and an authenticator code, your password manager may save a passkey for you without asking (automatic passkey upgrade).",
    whenFalse:
      "Passkeys are not created automatically after a password sign-in: add one yourself on your account page. Nothing is wrong with your account.",
    usedHere: true,
    optional: true,
  },
  immediateGet: {
    title: "Immediate sign-in",
    whenTrue:
      "The sign-in page can offer “Quick sign-in with this device's passkey”: your browser shows your passkey at once, or says at once that this device has none.",
    whenFalse:
      "The sign-in page does not offer quick sign-in here; “Sign in with a passkey” and autofill work as usual.",
    usedHere: true,
    optional: true,
  },
  hybridTransport: {
    title: "Phone as authenticator (QR code)",
    whenTrue: "You can sign in here with a passkey on your phone by scanning a QR code.",
    whenFalse: "This browser cannot use a passkey on your phone via QR code right now.",
    usedHere: true,
    // Hybrid needs Bluetooth on both devices plus internet (docs/compat.md, providers).
    fix: () =>
      "Turn Bluetooth on, on this device and on your phone, and make sure both are online. Or use a passkey stored on this device or a security key.",
  },
  passkeyPlatformAuthenticator: {
    title: "Passkeys on this device",
    whenTrue: "This device can keep passkeys and unlock them with your fingerprint, face, PIN or screen lock.",
    whenFalse: "This device cannot keep passkeys itself here.",
    usedHere: true,
    fix: screenLockSteps,
  },
  userVerifyingPlatformAuthenticator: {
    title: "Built-in authenticator",
    whenTrue: "This device can check it's you with a fingerprint, face, PIN or screen lock.",
    whenFalse: "This device has no built-in way to check it's you for passkeys.",
    usedHere: true,
    fix: screenLockSteps,
  },
  "extension:prf": {
    title: "Secret keys from passkeys (PRF)",
    whenTrue:
      "A passkey can give this page a secret key, so your account's note only your passkey can open works here.",
    whenFalse:
      "This browser cannot get a secret key from a passkey (PRF), so the account page's note that only your passkey can open won't work here. Signing in is not affected.",
    usedHere: true,
    fix: () => "To use that note, open the account page in a current Chrome, Edge or Safari.",
  },
  relatedOrigins: {
    title: "Related origins",
    whenTrue: "One passkey can work across a site's related domains.",
    whenFalse: "A passkey works only on the domain it was made for; this site does not rely on related origins.",
    usedHere: false,
  },
  signalUnknownCredential: {
    title: "Removing unknown passkeys from your manager",
    whenTrue: "When you use a passkey this site no longer knows, your passkey manager is told so it can hide it.",
    whenFalse: "Your passkey manager is not told about passkeys this site no longer knows.",
    usedHere: true,
    fix: () => REMOVE_BY_HAND,
  },
  signalAllAcceptedCredentials: {
    title: "Keeping your manager's passkey list current",
    whenTrue: "When you remove a passkey here, your passkey manager is told, so it stops offering it.",
    whenFalse: "When you remove a passkey here, your passkey manager is not told and may keep offering it.",
    usedHere: true,
    fix: () => REMOVE_BY_HAND,
  },
  signalCurrentUserDetails: {
    title: "Keeping your name current in your manager",
    whenTrue: "When you change your name here, your passkey manager shows the new one.",
    whenFalse: "Your passkey manager keeps showing the name you had when the passkey was made.",
    usedHere: false,
  },
};

/** Safari 17.4–18.2 reported `conditionalMediation` where the spec says `conditionalGet` (docs/compat.md). */
export function normaliseCapabilities(reported: Record<string, boolean>): {
  capabilities: Record<string, boolean>;
  aliased: boolean;
} {
  if (!("conditionalMediation" in reported)) return { capabilities: reported, aliased: false };
  const aliased = !("conditionalGet" in reported);
  // Rebuilt in the browser's order, with the alias renamed in place (or dropped when both names are present).
  const entries = Object.entries(reported).flatMap(([key, value]): [string, boolean][] =>
    key !== "conditionalMediation" ? [[key, value]] : aliased ? [["conditionalGet", value]] : [],
  );
  return { capabilities: Object.fromEntries(entries), aliased };
}
