import Link from "next/link";
import { PASSWORD_RESET_TTL_MS } from "@/lib/auth/password-reset";
import { env } from "@/lib/env";
import { ResetForm } from "./reset-form";

export const metadata = { title: "Reset your password" };

/** Open to everyone, signed in or not: someone signed in elsewhere may have forgotten the password all the same. */
export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Forgot your password?</h1>
        <p className="mt-1 text-sm text-slate-600">
          Also when you are locked out after too many tries. We mail you a code (valid {PASSWORD_RESET_TTL_MS / 60_000}{" "}
          minutes, works once); then, if your account has two-factor authentication, your authenticator app or a
          recovery code; then you choose a new password. Every other session is signed out, and withdrawals wait 24
          hours.
        </p>
      </div>
      <ResetForm mailHint={env.SMTP_URL ? "inbox" : "terminal"} />
      <p className="text-sm text-slate-600">
        Have a passkey? It still signs you in, without your password:{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          sign in
        </Link>
        .
      </p>
    </div>
  );
}
