// Failed sign-ins in words, in the reader's language (decision 027): each enumerated reason has its message; the
// stored code stays what support staff and tests read. Built on the server into plain text for components/
// failed-sign-ins.tsx, which the support console renders in the browser too.
import { slot } from "@/lib/i18n/fill-in";
import type { Translator } from "@/lib/i18n/translator";
import type { PasskeyFailureReason } from "@/lib/webauthn/failure-reason";

/** Every reason a failed sign-in is counted under, and the message that says it. */
export const failedSignInReasonKeys = {
  password: "failedSignIns.reason.password",
  totp: "failedSignIns.reason.totp",
  "recovery-code": "failedSignIns.reason.recoveryCode",
  // The truth behind the one answer a locked account gives (lib/auth/password-sign-in.ts, decision 011).
  "locked:right-password": "failedSignIns.reason.lockedRightPassword",
  locked: "failedSignIns.reason.locked",
  "passkey:signature": "failedSignIns.reason.passkeySignature",
  "passkey:counter": "failedSignIns.reason.passkeyCounter",
  "passkey:origin": "failedSignIns.reason.passkeyOrigin",
  "passkey:challenge": "failedSignIns.reason.passkeyChallenge",
  "passkey:rp-id": "failedSignIns.reason.passkeyRpId",
  "passkey:type": "failedSignIns.reason.passkeyType",
  "passkey:cross-origin": "failedSignIns.reason.passkeyCrossOrigin",
  "passkey:user-presence": "failedSignIns.reason.passkeyUserPresence",
  "passkey:uv-missing": "failedSignIns.reason.passkeyUvMissing",
  "passkey:backup-state-changed": "failedSignIns.reason.passkeyBackupStateChanged",
  "passkey:not-offered": "failedSignIns.reason.passkeyNotOffered",
  "passkey:other-account": "failedSignIns.reason.passkeyOtherAccount",
  "passkey:unknown": "failedSignIns.reason.passkeyUnknown",
  "passkey:user-handle": "failedSignIns.reason.passkeyUserHandle",
  "passkey:malformed": "failedSignIns.reason.passkeyMalformed",
  "passkey:credential-id": "failedSignIns.reason.passkeyCredentialId",
  "passkey:attestation": "failedSignIns.reason.passkeyAttestation",
  "passkey:untrusted": "failedSignIns.reason.passkeyUntrusted",
  "passkey:expired": "failedSignIns.reason.passkeyExpired",
  "passkey:other": "failedSignIns.reason.passkeyOther",
} as const satisfies Record<
  PasskeyFailureReason | "password" | "totp" | "recovery-code" | "locked:right-password" | "locked",
  string
>;
export type FailedSignInReason = keyof typeof failedSignInReasonKeys;

/** One hour's failed sign-ins (lib/auth/failed-sign-ins.ts): how many, from how many addresses, each reason's count. */
export type FailedSignInHour = {
  hourStart: Date;
  lastAt: Date;
  count: number;
  addresses: number;
  /** `addresses` reached MAX_COUNTED_SOURCES: there may have been more. */
  addressesCapped: boolean;
  /** Most frequent first. */
  reasons: { reason: string; count: number }[];
};

/** The list's words, ready for components/failed-sign-ins.tsx. */
export type FailedSignInsText = {
  list: string;
  none: string;
  hours: {
    hourStart: Date;
    lastAt: Date;
    /** "14 failed sign-ins from 3 addresses in the hour from {start} (last at {last})": the page fills in the times. */
    sentence: string;
    /** "12 × wrong password · 2 × wrong authenticator code". */
    reasons: string;
  }[];
};

/** `showCodes` adds each reason's code, for support staff. */
export function failedSignInsText(
  hours: FailedSignInHour[],
  t: Translator<"events">,
  showCodes = false,
): FailedSignInsText {
  return {
    list: t("failedSignIns.list"),
    none: t("failedSignIns.none"),
    hours: hours.map((hour) => {
      const values = { count: hour.count, start: slot("start"), last: slot("last") };
      return {
        hourStart: hour.hourStart,
        lastAt: hour.lastAt,
        sentence: hour.addressesCapped
          ? t("failedSignIns.hourManyAddresses", { ...values, max: hour.addresses })
          : t("failedSignIns.hour", { ...values, addresses: hour.addresses }),
        reasons: failedSignInReasonsLine(hour.reasons, t, showCodes),
      };
    }),
  };
}

function failedSignInReasonsLine(
  reasons: { reason: string; count: number }[],
  t: Translator<"events">,
  showCodes: boolean,
): string {
  return reasons
    .map(({ reason: code, count }) => {
      const reason = Object.hasOwn(failedSignInReasonKeys, code)
        ? t(failedSignInReasonKeys[code as FailedSignInReason])
        : t("failedSignIns.reason.other");
      return showCodes
        ? t("failedSignIns.reasonCountWithCode", { count, reason, code })
        : t("failedSignIns.reasonCount", { count, reason });
    })
    .join(" · ");
}
