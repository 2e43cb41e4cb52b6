import Link from "next/link";
import { Card } from "@/components/ui";
import { requirePageSession } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { PasswordForms } from "./password-forms";

export const metadata = { title: "Password" };

export default async function PasswordPage() {
  const { user } = await requirePageSession();
  const [totpOn, passkeys] = await Promise.all([hasTotp(user.id), listPasskeys(user.id)]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">
          ← Your account
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Password</h1>
      </div>
      {user.passwordHash ? (
        <PasswordForms hasTotp={totpOn} passkeyCount={passkeys.length} />
      ) : (
        <Card title="Passwordless">
          <p className="text-sm text-slate-700">
            This account has no password: it signs in with passkeys only, and its last passkey cannot be removed.
          </p>
        </Card>
      )}
    </div>
  );
}
