import { AuthenticatorMetadata, MetadataBlobNote } from "@/components/authenticator-metadata";
import { FailedSignIns } from "@/components/failed-sign-ins";
import { LocalTime } from "@/components/local-time";
import { Badge, Card } from "@/components/ui";
import type { AccountForSupport } from "@/lib/support/account-lookup";
import { TimelineList } from "./timeline-list";

/** One account as support staff see it: sign-in methods, passkeys, and recent activity with the exact verdicts. */
export function AccountView({ account }: { account: AccountForSupport }) {
  return (
    <section aria-labelledby="shown-account" className="flex flex-col gap-4">
      <h2 id="shown-account" className="text-xl font-bold">
        {account.email}
      </h2>
      <Card title="Sign-in methods">
        <div className="flex flex-wrap gap-2 text-sm">
          <Badge tone={account.hasPassword ? "good" : "neutral"}>
            {account.hasPassword ? "Password set" : "Passwordless"}
          </Badge>
          <Badge tone={account.hasTotp ? "good" : "warn"}>{account.hasTotp ? "TOTP on" : "TOTP off"}</Badge>
          <Badge tone={account.passkeys.length > 0 ? "good" : "neutral"}>
            {account.passkeys.length === 1 ? "1 passkey" : `${account.passkeys.length} passkeys`}
          </Badge>
          {account.lockedUntil && <Badge tone="warn">Locked after failed attempts</Badge>}
        </div>
        {account.lockedUntil && (
          <p className="mt-2 text-sm">
            New browsers are locked out until <LocalTime date={account.lockedUntil} />.{" "}
            {account.trustedDevices === 1 ? "1 browser" : `${account.trustedDevices} browsers`} that signed in before
            can still sign in.
          </p>
        )}
      </Card>
      <Card title="Passkeys">
        {account.passkeys.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <ul aria-label="Passkeys" className="flex flex-col divide-y divide-slate-100 text-sm">
            {account.passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-col gap-1 py-2">
                <span className="font-medium">{passkey.label}</span>
                <span className="text-slate-600">
                  {passkey.authenticator} · {passkey.storage} · {passkey.transports.join(", ") || "no transports"} ·
                  created <LocalTime date={passkey.createdAt} /> · last used{" "}
                  {passkey.lastUsedAt ? <LocalTime date={passkey.lastUsedAt} /> : "never"}
                </span>
                <AuthenticatorMetadata metadata={passkey.metadata} />
              </li>
            ))}
          </ul>
        )}
        <MetadataBlobNote blob={account.metadataBlob} />
      </Card>
      <Card title="Failed sign-ins (not signed in, per hour)">
        <FailedSignIns text={account.failedSignIns} />
      </Card>
      <Card title="Recent activity: the server's exact verdicts beside what the browser saw">
        <TimelineList events={account.events} label="Recent activity" />
      </Card>
    </section>
  );
}
