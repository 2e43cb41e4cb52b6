// What each getClientCapabilities() key means for a person (WebAuthn L3 §5.1.7, ClientCapability enum), and whether
// this site uses it. Keys not listed here (such as "extension:largeBlob") are features this site does not use; of the
// extensions it uses only PRF, for the account page's note (lib/notes). The words are the `findings` messages under
// "capability", named here whole so that each language words them on its own.
import type { Translator } from "@/lib/i18n/translator";
import type { Platform } from "./platform-types";
import { screenLockSteps } from "./fix-steps";

type FindingKey = Parameters<Translator<"findings">>[0];

export type CapabilityKeyInfo = {
  /** The messages: its name, and what it means when the browser says yes or no. */
  words: { title: FindingKey; whenTrue: FindingKey; whenFalse: FindingKey };
  /** This site uses it, so a false changes what this person can do here (a warning); else it is "not used here". */
  usedHere: boolean;
  /** A convenience this site offers where the browser can: without it nothing is wrong, so false is no warning. */
  optional?: true;
  fix?: (platform: Platform, t: Translator<"findings">, steps: Translator<"fixSteps">) => string;
};

const removeByHand = (_platform: Platform, t: Translator<"findings">) => t("removeByHand");

export const capabilityKeys: Record<string, CapabilityKeyInfo> = {
  conditionalGet: {
    words: {
      title: "capability.conditionalGet.title",
      whenTrue: "capability.conditionalGet.whenTrue",
      whenFalse: "capability.conditionalGet.whenFalse",
    },
    usedHere: true,
    fix: (_platform, t) => t("autofill.useButton"),
  },
  conditionalCreate: {
    words: {
      title: "capability.conditionalCreate.title",
      whenTrue: "capability.conditionalCreate.whenTrue",
      whenFalse: "capability.conditionalCreate.whenFalse",
    },
    usedHere: true,
    optional: true,
  },
  immediateGet: {
    words: {
      title: "capability.immediateGet.title",
      whenTrue: "capability.immediateGet.whenTrue",
      whenFalse: "capability.immediateGet.whenFalse",
    },
    usedHere: true,
    optional: true,
  },
  hybridTransport: {
    words: {
      title: "capability.hybridTransport.title",
      whenTrue: "capability.hybridTransport.whenTrue",
      whenFalse: "capability.hybridTransport.whenFalse",
    },
    usedHere: true,
    // Hybrid needs Bluetooth on both devices plus internet (docs/compat.md, providers).
    fix: (_platform, t) => t("capability.hybridTransport.fix"),
  },
  passkeyPlatformAuthenticator: {
    words: {
      title: "capability.passkeyPlatformAuthenticator.title",
      whenTrue: "capability.passkeyPlatformAuthenticator.whenTrue",
      whenFalse: "capability.passkeyPlatformAuthenticator.whenFalse",
    },
    usedHere: true,
    fix: (platform, _t, steps) => screenLockSteps(platform, steps),
  },
  userVerifyingPlatformAuthenticator: {
    words: {
      title: "capability.userVerifyingPlatformAuthenticator.title",
      whenTrue: "capability.userVerifyingPlatformAuthenticator.whenTrue",
      whenFalse: "capability.userVerifyingPlatformAuthenticator.whenFalse",
    },
    usedHere: true,
    fix: (platform, _t, steps) => screenLockSteps(platform, steps),
  },
  "extension:prf": {
    words: {
      title: "capability.prf.title",
      whenTrue: "capability.prf.whenTrue",
      whenFalse: "capability.prf.whenFalse",
    },
    usedHere: true,
    fix: (_platform, t) => t("capability.prf.fix"),
  },
  relatedOrigins: {
    words: {
      title: "capability.relatedOrigins.title",
      whenTrue: "capability.relatedOrigins.whenTrue",
      whenFalse: "capability.relatedOrigins.whenFalse",
    },
    usedHere: false,
  },
  signalUnknownCredential: {
    words: {
      title: "capability.signalUnknownCredential.title",
      whenTrue: "capability.signalUnknownCredential.whenTrue",
      whenFalse: "capability.signalUnknownCredential.whenFalse",
    },
    usedHere: true,
    fix: removeByHand,
  },
  signalAllAcceptedCredentials: {
    words: {
      title: "capability.signalAllAcceptedCredentials.title",
      whenTrue: "capability.signalAllAcceptedCredentials.whenTrue",
      whenFalse: "capability.signalAllAcceptedCredentials.whenFalse",
    },
    usedHere: true,
    fix: removeByHand,
  },
  signalCurrentUserDetails: {
    words: {
      title: "capability.signalCurrentUserDetails.title",
      whenTrue: "capability.signalCurrentUserDetails.whenTrue",
      whenFalse: "capability.signalCurrentUserDetails.whenFalse",
    },
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
