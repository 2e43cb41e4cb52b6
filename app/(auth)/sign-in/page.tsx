import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "@/lib/auth/return-path";
import { currentSession } from "@/lib/auth/session";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { SIGNED_OUT_COOKIE } from "@/lib/auth/signed-out-flash";
import { SignedOutNotice } from "./signed-out-notice";
import { ImmediateSignIn } from "./immediate-sign-in";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Rendered per request: the RP ID is runtime configuration, not a build-time constant.
  await connection();
  const returnTo = safeReturnPath((await searchParams).next);
  if (await currentSession()) redirect(returnTo);
  const signedOut = (await cookies()).get(SIGNED_OUT_COOKIE)?.value === "1";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Sign in</h1>
        {returnTo !== DEFAULT_RETURN_PATH && (
          <p className="mt-1 text-sm text-slate-600">
            Sign in to continue to {returnTo.startsWith("/wallet") ? "your wallet" : "your account"}.
          </p>
        )}
      </div>
      {signedOut && <SignedOutNotice />}
      <ImmediateSignIn returnTo={returnTo} />
      <SignInForm rpId={relyingParty.id} returnTo={returnTo} />
      <p className="text-sm text-slate-600">
        New here?{" "}
        <a href="/sign-up" className="font-medium text-brand-700 underline">
          Create a test account
        </a>
      </p>
    </div>
  );
}
