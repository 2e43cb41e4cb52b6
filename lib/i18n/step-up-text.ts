import "server-only";
// The step-up dialog's words (app/(account)/account/step-up-dialog.tsx), for every page that asks a person to confirm
// it's them: translated on the server and handed to the client as props (decision 027).
import { getTranslations } from "next-intl/server";
import type { StepUpPurpose } from "@/lib/db/schema";

export type StepUpText = {
  title: string;
  /** Whole sentences, one per purpose: what the fresh check is for. */
  why: Record<StepUpPurpose, string>;
  recoveryHint: string;
  confirmWithCode: string;
  confirmWithRecoveryCode: string;
  useRecoveryCode: string;
  useAuthenticatorCode: string;
  confirmWithPasskey: string;
  cancel: string;
  cancelled: string;
  labels: { totp: string; recovery: string };
};

export async function stepUpText(): Promise<StepUpText> {
  const [t, secondFactor] = await Promise.all([getTranslations("stepUp"), getTranslations("secondFactor")]);
  return {
    title: t("title"),
    why: {
      "add-passkey": t("why.addPasskey"),
      "remove-passkey": t("why.removePasskey"),
      "remove-password": t("why.removePassword"),
      "recovery-codes": t("why.recoveryCodes"),
      "support-console": t("why.supportConsole"),
      "automatic-passkey": t("why.automaticPasskey"),
    },
    recoveryHint: t("recoveryHint"),
    confirmWithCode: t("confirmWithCode"),
    confirmWithRecoveryCode: t("confirmWithRecoveryCode"),
    useRecoveryCode: t("useRecoveryCode"),
    useAuthenticatorCode: secondFactor("useAuthenticatorCode"),
    confirmWithPasskey: t("confirmWithPasskey"),
    cancel: t("cancel"),
    cancelled: t("cancelled"),
    labels: { totp: secondFactor("totpCode"), recovery: secondFactor("recoveryCode") },
  };
}
