import Link from "next/link";
import { Card } from "@/components/ui";
import { requireSupportStaff } from "@/lib/support/require-support";
import { ConfirmForConsole } from "./confirm-for-console";
import { SupportConsole } from "./support-console";

export const metadata = { title: "Support console" };

export default async function SupportPage() {
  const { session, access } = await requireSupportStaff();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Support console</h1>
        <p className="text-sm text-slate-600">
          Signed in as {session.user.email}. Everything here is read-only, and every lookup is logged.
        </p>
      </div>
      {access.state === "open" ? (
        <SupportConsole until={access.until} />
      ) : (
        <Card title="Before you open the console">
          <div className="flex flex-col gap-3 text-sm">
            <p>
              The console shows other people&apos;s accounts, so a password is not enough: it needs two-factor
              authentication on this support account, a passkey, and a passkey check in the last 15 minutes.
            </p>
            {access.state === "needs-two-factor" && (
              <p>
                First,{" "}
                <Link href="/account/two-factor" className="font-medium text-brand-700 underline">
                  turn on two-factor authentication
                </Link>
                .
              </p>
            )}
            {access.state === "needs-passkey" && (
              <p>
                Next,{" "}
                <Link href="/account" className="font-medium text-brand-700 underline">
                  add a passkey to this account
                </Link>
                .
              </p>
            )}
            {access.state === "needs-step-up" && <ConfirmForConsole />}
          </div>
        </Card>
      )}
    </div>
  );
}
