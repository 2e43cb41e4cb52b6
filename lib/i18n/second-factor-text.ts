import "server-only";
// The second-factor step's words, shared by the sign-in and the password reset: translated on the server and handed
// to the client form as props (decision 027).
import { getTranslations } from "next-intl/server";

export type SecondFactorText = {
  title: string;
  verify: string;
  useRecoveryCode: string;
  useAuthenticatorCode: string;
  startOver: string;
  labels: { totp: string; recovery: string };
};

export async function secondFactorText(): Promise<SecondFactorText> {
  const t = await getTranslations("secondFactor");
  return {
    title: t("title"),
    verify: t("verify"),
    useRecoveryCode: t("useRecoveryCode"),
    useAuthenticatorCode: t("useAuthenticatorCode"),
    startOver: t("startOver"),
    labels: { totp: t("totpCode"), recovery: t("recoveryCode") },
  };
}
