import Link from "next/link";
import { Card } from "@/components/ui";
import { countUnusedRecoveryCodes } from "@/lib/auth/recovery-codes";
import { requirePageSession } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
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
            On. Sign-in with your password asks for a code from your app. You have{" "}
            {await countUnusedRecoveryCodes(user.id)} unused recovery codes. You can now{" "}
            <Link href="/account" className="text-brand-700 underline">
              add a passkey
            </Link>
            .
          </p>
        ) : (
          <TotpSetup />
        )}
      </Card>
    </div>
  );
}
