import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentSession } from "@/lib/auth/session";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage() {
  // Rendered per request: the RP ID is runtime configuration, not a build-time constant.
  await connection();
  if (await currentSession()) redirect("/account");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm rpId={relyingParty.id} />
      <p className="text-sm text-slate-600">
        New here?{" "}
        <a href="/sign-up" className="font-medium text-brand-700 underline">
          Create a test account
        </a>
      </p>
    </div>
  );
}
