import { AuthenticatorMetadata } from "@/components/authenticator-metadata";
import { FailedSignIns } from "@/components/failed-sign-ins";
import { LocalTime } from "@/components/local-time";
import { Badge, Card } from "@/components/ui";
import { fillIn } from "@/lib/i18n/fill-in";
import type { AuthenticatorTrust } from "@/lib/mds/describe-authenticator";
import type { AccountForSupport } from "@/lib/support/account-lookup";
import type { PasskeyView } from "@/lib/webauthn/passkeys";
import { TimelineList, type TimelineText } from "./timeline-list";

/**
 * The account view's words, built on the server for this account (counts and plurals known there; dates left as
 * `{until}`/`{date}` slots for the browser's clock): app/(support)/support/console-text.ts.
 */
export type AccountViewText = {
  /** Each passkey's metadata in words, by passkey id. */
  metadata: Record<string, AuthenticatorTrust | null>;
  noCertification: string;
  metadataBlob: string;
  methods: string;
  password: string;
  totp: string;
  passkeyCount: string;
  locked: string;
  /** With an `{until}` slot. */
  lockedNote: string;
  passkeys: string;
  none: string;
  storage: Record<PasskeyView["storage"], string>;
  noTransports: string;
  /** With a `{date}` slot. */
  created: string;
  /** With a `{date}` slot. */
  lastUsed: string;
  neverUsed: string;
  failedSignIns: string;
  activityTitle: string;
  activity: string;
};

/** One account as support staff see it: sign-in methods, passkeys, and recent activity with the exact verdicts. */
export function AccountView({
  account,
  text,
  timeline,
  locale,
}: {
  account: AccountForSupport;
  text: AccountViewText;
  timeline: TimelineText;
  locale: string;
}) {
  return (
    <section aria-labelledby="shown-account" className="flex flex-col gap-4">
      <h2 id="shown-account" className="text-xl font-bold">
        {account.email}
      </h2>
      <Card title={text.methods}>
        <div className="flex flex-wrap gap-2 text-sm">
          <Badge tone={account.hasPassword ? "good" : "neutral"}>{text.password}</Badge>
          <Badge tone={account.hasTotp ? "good" : "warn"}>{text.totp}</Badge>
          <Badge tone={account.passkeys.length > 0 ? "good" : "neutral"}>{text.passkeyCount}</Badge>
          {account.lockedUntil && <Badge tone="warn">{text.locked}</Badge>}
        </div>
        {account.lockedUntil && (
          <p className="mt-2 text-sm">
            {fillIn(text.lockedNote, { until: <LocalTime date={account.lockedUntil} locale={locale} /> })}
          </p>
        )}
      </Card>
      <Card title={text.passkeys}>
        {account.passkeys.length === 0 ? (
          <p className="text-sm text-slate-600">{text.none}</p>
        ) : (
          <ul aria-label={text.passkeys} className="flex flex-col divide-y divide-slate-100 text-sm">
            {account.passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-col gap-1 py-2">
                <span className="font-medium">{passkey.label}</span>
                <span className="text-slate-600">
                  {/* Separate facts, each whole in itself; transports are WebAuthn's own names (usb, hybrid, …). */}
                  {passkey.authenticator} · {text.storage[passkey.storage]} ·{" "}
                  {passkey.transports.join(", ") || text.noTransports} ·{" "}
                  {fillIn(text.created, { date: <LocalTime date={passkey.createdAt} locale={locale} /> })} ·{" "}
                  {passkey.lastUsedAt
                    ? fillIn(text.lastUsed, { date: <LocalTime date={passkey.lastUsedAt} locale={locale} /> })
                    : text.neverUsed}
                </span>
                <AuthenticatorMetadata
                  metadata={text.metadata[passkey.id] ?? null}
                  noCertification={text.noCertification}
                />
              </li>
            ))}
          </ul>
        )}
        <p className="text-xs text-slate-600">{text.metadataBlob}</p>
      </Card>
      <Card title={text.failedSignIns}>
        <FailedSignIns text={account.failedSignIns} locale={locale} />
      </Card>
      <Card title={text.activityTitle}>
        <TimelineList events={account.events} label={text.activity} text={timeline} locale={locale} />
      </Card>
    </section>
  );
}
