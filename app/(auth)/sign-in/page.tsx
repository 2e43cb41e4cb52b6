import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "@/lib/auth/return-path";
import { currentSession } from "@/lib/auth/session";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { SIGNED_OUT_COOKIE } from "@/lib/auth/signed-out-flash";
import { secondFactorText } from "@/lib/i18n/second-factor-text";
import { SignedOutNotice } from "./signed-out-notice";
import type { ImmediateSignInText } from "./immediate-sign-in";
import { ImmediateSignInSlot } from "./immediate-sign-in-slot";
import { SignInForm, type SignInFormText } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Rendered per request: the RP ID is runtime configuration, not a build-time constant.
  await connection();
  const returnTo = safeReturnPath((await searchParams).next);
  if (await currentSession()) redirect(returnTo);
  const signedOut = (await cookies()).get(SIGNED_OUT_COOKIE)?.value === "1";
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {returnTo !== DEFAULT_RETURN_PATH && (
          <p className="mt-1 text-sm text-slate-600">
            {returnTo.startsWith("/wallet") ? t("continueToWallet") : t("continueToAccount")}
          </p>
        )}
      </div>
      {signedOut && <SignedOutNotice text={(await getTranslations("signInForm"))("signedOut")} />}
      <ImmediateSignInSlot rpId={relyingParty.id} returnTo={returnTo} text={await immediateSignInText()} />
      <SignInForm rpId={relyingParty.id} returnTo={returnTo} text={await signInFormText()} />
      <p className="text-sm text-slate-600">
        {t.rich("newHere", {
          link: (chunks) => (
            <a href="/sign-up" className="font-medium text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </div>
  );
}

async function signInFormText(): Promise<SignInFormText> {
  const [t, common, secondFactor] = await Promise.all([
    getTranslations("signInForm"),
    getTranslations("common"),
    secondFactorText(),
  ]);
  return {
    email: common("fields.email"),
    password: common("fields.password"),
    loading: common("loading"),
    forgotPassword: t("forgotPassword"),
    lockedOut: t.rich("lockedOut", {
      link: (chunks) => (
        <a href="/forgot-password" className="font-medium text-brand-700 underline">
          {chunks}
        </a>
      ),
    }),
    withPassword: t("withPassword"),
    or: t("or"),
    withPasskey: t("withPasskey"),
    passkeyModes: t("passkeyModes"),
    secondFactor,
  };
}

async function immediateSignInText(): Promise<ImmediateSignInText> {
  const t = await getTranslations("immediateSignIn");
  return { button: t("button"), hint: t("hint"), noneHere: t("noneHere"), failed: t("failed") };
}
