import "server-only";
// The account page's client parts get their words from here, in the request's language (decision 027): nothing of
// next-intl reaches the browser. Sentences with a passkey's name, a date or a byte count only the browser knows carry
// a marker (slot) the client fills in.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { slot } from "@/lib/i18n/fill-in";
import { stepUpText } from "@/lib/i18n/step-up-text";
import { NOTE_MAX_BYTES } from "@/lib/notes/note-crypto";
import { transportNames } from "@/lib/webauthn/transport-names";
import type { AutomaticUpgradeText } from "./automatic-upgrade-setting";
import type { PasskeyNoteText } from "./passkey-note";
import type { PasskeysPanelText } from "./passkeys-panel";

export async function passkeysPanelText(): Promise<PasskeysPanelText> {
  const [t, stepUp] = await Promise.all([getTranslations("passkeys"), stepUpText()]);
  const label = slot("label");
  return {
    needsTwoFactor: t.rich("needsTwoFactor", {
      link: (chunks) => (
        <Link href="/account/two-factor" className="font-medium underline">
          {chunks}
        </Link>
      ),
    }),
    list: {
      none: t("none"),
      listLabel: t("listLabel"),
      storage: {
        synced: { badge: t("synced"), help: t("syncedHelp") },
        "sync-eligible": { badge: t("syncEligible"), help: t("syncEligibleHelp") },
        "device-bound": { badge: t("deviceBound"), help: t("deviceBoundHelp") },
      },
      cannotSignIn: t("cannotSignIn"),
      noPrf: t("noPrf"),
      addedAutomatically: t("addedAutomatically"),
      stale: t("stale"),
      active: t("active"),
      transports: transportNames(t),
      noCertification: t("noCertification"),
      name: t("name"),
      save: t("save"),
      cancel: t("cancel"),
      rename: t("rename"),
      renameLabel: t("renameLabel", { label }),
      renamed: t("renamed", { label }),
      remove: t("remove"),
      removeLabel: t("removeLabel", { label }),
      removeTitle: t("removeTitle", { label }),
      removeBody: t("removeBody"),
      removeConfirm: t("removeConfirm"),
      removed: t("removed", { label }),
      created: t("created"),
      lastUsed: t("lastUsed"),
      never: t("never"),
      storageLabel: t("storage"),
      cannotSignInHelp: t("cannotSignInHelp"),
      staleHelp: t("staleHelp"),
    },
    add: {
      where: t("where"),
      locations: {
        "this-device": { title: t("thisDevice"), body: t("thisDeviceHelp") },
        phone: { title: t("phone"), body: t("phoneHelp") },
        "security-key": { title: t("securityKey"), body: t("securityKeyHelp") },
      },
      add: t("add"),
      added: t("added", { label }),
      securityKeyPin: t("securityKeyPin"),
    },
    stepUp,
  };
}

export async function automaticUpgradeText(): Promise<AutomaticUpgradeText> {
  const [t, account] = await Promise.all([getTranslations("upgrade"), getTranslations("account")]);
  return {
    name: t("name"),
    on: account("on"),
    off: account("off"),
    turnOn: t("turnOn"),
    turnOff: t("turnOff"),
    explanation: t("explanation"),
  };
}

export async function passkeyNoteText(): Promise<PasskeyNoteText> {
  const [t, passkeys] = await Promise.all([getTranslations("passkeyNote"), getTranslations("passkeys")]);
  return {
    intro: t("intro"),
    sealedWith: t("sealedWith", { label: slot("label"), date: slot("date") }),
    open: t("open"),
    delete: t("delete"),
    openedLabel: t("openedLabel"),
    hide: t("hide"),
    none: t("none"),
    write: t("write"),
    writeNew: t("writeNew"),
    size: t("size", { bytes: slot("bytes"), max: NOTE_MAX_BYTES }),
    seal: t("seal"),
    addPasskeyFirst: t("addPasskeyFirst"),
    sealed: t("sealed"),
    noSalt: t("noSalt"),
    noPrf: t("noPrf"),
    didNotOpen: t("didNotOpen"),
    deleteTitle: t("deleteTitle"),
    deleteBody: t("deleteBody"),
    cancel: passkeys("cancel"),
    deleted: t("deleted"),
  };
}
