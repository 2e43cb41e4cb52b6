import Link from "next/link";
import { MetadataBlobNote } from "@/components/authenticator-metadata";
import { Badge, Card } from "@/components/ui";
import { requirePageSession } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
import { readAuthenticatorMetadata } from "@/lib/mds/authenticator-metadata";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { AutomaticUpgradeSetting } from "./automatic-upgrade-setting";
import { PasskeyNoteCard } from "./passkey-note-card";
import { PasskeysPanel } from "./passkeys-panel";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const { user } = await requirePageSession();
  const [totpOn, passkeys, metadata] = await Promise.all([
    hasTotp(user.id),
    listPasskeys(user.id),
    readAuthenticatorMetadata(),
  ]);
  const hasPassword = user.passwordHash !== null;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Your account</h1>
          <p className="text-sm text-slate-600">{user.email}</p>
        </div>
      </div>

      <Card title="Sign-in methods">
        <ul className="flex flex-col gap-3 text-sm">
          <li className="flex flex-wrap items-center justify-between gap-2">
            <span>Password {hasPassword ? <Badge tone="good">Set</Badge> : <Badge>Removed — passwordless</Badge>}</span>
            <Link href="/account/password" className="text-brand-700 underline">
              {hasPassword ? "Change or remove" : "Details"}
            </Link>
          </li>
          <li className="flex flex-wrap items-center justify-between gap-2">
            <span>
              Two-factor authentication (authenticator app){" "}
              {totpOn ? <Badge tone="good">On</Badge> : <Badge tone="warn">Off</Badge>}
            </span>
            <Link href="/account/two-factor" className="text-brand-700 underline">
              {totpOn ? "Details" : "Turn on"}
            </Link>
          </li>
          {totpOn && hasPassword && <AutomaticUpgradeSetting on={user.automaticPasskeyUpgrade} />}
          <li className="flex flex-wrap items-center justify-between gap-2">
            <span>
              Passkeys <Badge tone={passkeys.length > 0 ? "good" : "neutral"}>{passkeys.length}</Badge>
            </span>
            <Link href="/account/activity" className="text-brand-700 underline">
              Activity log
            </Link>
          </li>
        </ul>
      </Card>

      <Card title="Passkeys" id="passkeys">
        <PasskeysPanel
          passkeys={passkeys}
          hasTotp={totpOn}
          account={{ rpId: relyingParty.id, webauthnUserId: user.webauthnUserId, email: user.email }}
        />
        <MetadataBlobNote blob={metadata.blob} />
      </Card>

      <PasskeyNoteCard userId={user.id} hasPasskeys={passkeys.length > 0} />
    </div>
  );
}
