import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { currentSession } from "@/lib/auth/session";
import { noJavaScriptFinding } from "@/lib/compat/findings-basics";
import { serverUnreachableFinding } from "@/lib/compat/server-unreachable";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { CheckResults, checkResultsText } from "./check-results";
import { AutomaticChecks, LiveTestLauncher, SaveReport, WhatGoesWrong, WizardProvider } from "./wizard";
import { YourPasskeys } from "./your-passkeys";

export const metadata = { title: "Troubleshoot passkeys" };

// The cards are laid out here, on the server; wizard.tsx holds only what reacts to the person. The automatic checks
// are judged by checkBrowserAction (actions.ts) from what the page captures: the browser's client hints (Windows 11,
// the real macOS and Android versions) exist only there, not in this page's request.
export default async function TroubleshootPage() {
  await connection();
  const session = await currentSession();
  const [findings, checks] = await Promise.all([getTranslations("findings"), getTranslations("checks")]);
  const noJavaScript = noJavaScriptFinding(findings);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Troubleshoot passkeys</h1>
        <p className="text-slate-700">
          We check this browser, ask what goes wrong, try a passkey for real, and say what to do — in plain words.
        </p>
      </div>
      <noscript>
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{noJavaScript.title}</p>
          <p>{noJavaScript.meaning}</p>
          {noJavaScript.fix && <p>{noJavaScript.fix}</p>}
        </div>
      </noscript>
      <WizardProvider>
        <Card title="1. Automatic checks">
          <AutomaticChecks
            unreachable={
              <CheckResults
                findings={[serverUnreachableFinding(findings)]}
                text={checkResultsText(checks, findings, null)}
              />
            }
          />
        </Card>
        <WhatGoesWrong />
        {session && <YourPasskeys userId={session.user.id} />}
        <Card title="3. Live test">
          <div className="flex flex-col gap-4">
            <p className="text-sm text-slate-700">
              Your browser will ask you to create a passkey named “Passkey Lab live test”, then to use it. It belongs to
              no account (your own is never touched), and the server forgets it right after.
            </p>
            <LiveTestLauncher rpId={relyingParty.id} />
          </div>
        </Card>
        <Card title="4. Save a report for support">
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">
              The report holds the checks, the problem you picked and the live test — no passkeys, keys, challenges or
              tokens. You get a short code to read to support staff; it is kept for 30 days.
            </p>
            <SaveReport email={session?.user.email ?? null} />
          </div>
        </Card>
      </WizardProvider>
    </div>
  );
}
