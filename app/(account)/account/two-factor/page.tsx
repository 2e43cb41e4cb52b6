import Link from "next/link";
import { Card } from "@/components/ui";
import { countUnusedRecoveryCodes } from "@/lib/auth/recovery-codes";
import { requirePageSession } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { ReplaceRecoveryCodes } from "./replace-recovery-codes";
import { TotpSetup } from "./totp-setup";

export const metadata = { title: "Two-factor authentication" };

export default async function TwoFactorPage() {
  const { user } = await requirePageSession();
  const enabled = await hasTotp(user.id);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">
          ← Your account
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Two-factor authentication</h1>
      </div>
      <Card title="Authenticator app">
        {enabled ? (
          <p className="text-sm text-slate-700">
            On. Sign-in with your password asks for a code from your app. You can now{" "}
            <Link href="/account" className="text-brand-700 underline">
              add a passkey
            </Link>
            .
          </p>
        ) : (
          <TotpSetup />
        )}
      </Card>
      {enabled && <RecoveryCodesCard userId={user.id} hasPasskeys={(await listPasskeys(user.id)).length > 0} />}
    </div>
  );
}

async function RecoveryCodesCard({ userId, hasPasskeys }: { userId: string; hasPasskeys: boolean }) {
  const unused = await countUnusedRecoveryCodes(userId);
  return (
    <Card title="Recovery codes">
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">
          {unused === 0
            ? "You have no unused recovery codes left: without your phone you could not sign in with your password."
            : `You have ${unused} unused recovery ${unused === 1 ? "code" : "codes"}, each good for one sign-in without your phone.`}{" "}
          Used some, or lost them? Make a new set.
        </p>
        <ReplaceRecoveryCodes hasPasskeys={hasPasskeys} />
      </div>
    </Card>
  );
}
