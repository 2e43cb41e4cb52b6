import Link from "next/link";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Create a test account" };

export default async function SignUpPage() {
  if (await currentSession()) redirect("/account");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Create a test account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Like a careful exchange: password first, then two-factor authentication, then passkeys. Use a made-up email;
          nothing is sent to it.
        </p>
      </div>
      <SignUpForm />
      <p className="text-sm text-slate-600">
        Have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
