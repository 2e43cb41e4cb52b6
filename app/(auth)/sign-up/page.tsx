import Link from "next/link";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SignUpForm, type MailHint } from "./sign-up-form";

export const metadata = { title: "Create a test account" };

export default async function SignUpPage() {
  if (await currentSession()) redirect("/account");
  const mailHint: MailHint = env.SMTP_URL ? "inbox" : env.NODE_ENV === "development" ? "outbox-page" : "terminal";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Create a test account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Like a careful exchange: email confirmed with a code, then two-factor authentication, then passkeys.
          {mailHint !== "inbox" &&
            " This server sends no mail (it prints it in its terminal), so a made-up email works."}
        </p>
      </div>
      <SignUpForm mailHint={mailHint} />
      <p className="text-sm text-slate-600">
        Have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
