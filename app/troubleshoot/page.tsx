import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { currentSession } from "@/lib/auth/session";
import { noJavaScriptFinding } from "@/lib/compat/findings-basics";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { AutomaticChecks } from "./automatic-checks";
import { LiveTestLauncher, SaveReport, WhatGoesWrong, WizardProvider } from "./wizard";
import { liveTestText, saveReportText, whatGoesWrongText } from "./wizard-text";
import { YourPasskeys } from "./your-passkeys";

export async function generateMetadata() {
  return { title: (await getTranslations("wizard"))("title") };
}

// The cards are laid out here, on the server; wizard.tsx holds only what reacts to the person, with its words given
// as props (wizard-text.ts). The automatic checks are judged by POST /troubleshoot/checks from what the page's inline
// script captures (start-checks.ts): the browser's client hints (Windows 11, the real macOS and Android
// versions) exist only there, not in this page's request.
export default async function TroubleshootPage() {
  await connection();
  const session = await currentSession();
  const email = session?.user.email ?? null;
  const [locale, t, goesWrong, liveTest, saveReport, findings] = await Promise.all([
    getLocale(),
    getTranslations("wizard"),
    whatGoesWrongText(),
    liveTestText(),
    saveReportText(email),
    getTranslations("findings"),
  ]);
  const noJavaScript = noJavaScriptFinding(findings);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <noscript>
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{noJavaScript.title}</p>
          <p>{noJavaScript.meaning}</p>
          {noJavaScript.fix && <p>{noJavaScript.fix}</p>}
        </div>
      </noscript>
      {/* Keyed by the language: switching it on this page starts the wizard afresh, its checks in the new words. */}
      <WizardProvider key={locale}>
        <Card title={t("checksCard")}>
          <AutomaticChecks />
        </Card>
        <WhatGoesWrong text={goesWrong} />
        {session && <YourPasskeys userId={session.user.id} />}
        <Card title={t("liveTestCard")}>
          <div className="flex flex-col gap-4">
            <p className="text-sm text-slate-700">{t("liveTestIntro")}</p>
            <LiveTestLauncher rpId={relyingParty.id} text={liveTest} />
          </div>
        </Card>
        <Card title={t("saveCard")}>
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t("saveIntro")}</p>
            <SaveReport email={email} text={saveReport} />
          </div>
        </Card>
      </WizardProvider>
    </div>
  );
}
