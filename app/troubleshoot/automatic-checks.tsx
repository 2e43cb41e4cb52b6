// The automatic checks' card body, drawn by the page's own inline script (start-checks.ts) before the page's React has
// loaded. The script draws into a container React leaves alone — its HTML is a constant, so hydration keeps what the
// script drew — from the config rendered here as JSON: the views, in the page's language, for the moments before and
// without the server's answer. When the language changes on this page, React renders the wizard anew in the browser
// (page.tsx keys it by the language), where it runs no script: the island runs the checks then (checks-answer.ts).
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/alert";
import { serverUnreachableFinding } from "@/lib/compat/server-unreachable";
import { cspNonce } from "@/lib/csp-nonce";
import { toElementTree } from "@/lib/render/element-tree";
import { CheckResults, checkResultsText } from "./check-results";
import { CHECKS_DRAWN_EVENT, CHECKS_IDS } from "./checks-answer";
import { PROBE_COOKIE } from "./cookie-probe";
import { earlyChecksScript } from "./early-checks-script";
import type { ChecksConfig } from "./start-checks";

/** How long the page waits for the checks' answer before saying it cannot reach the server. */
const SERVER_WAIT_MS = 10_000;

export async function AutomaticChecks() {
  const [t, findings, checks, requestHeaders] = await Promise.all([
    getTranslations("wizard"),
    getTranslations("findings"),
    getTranslations("checks"),
    headers(),
  ]);
  const config: ChecksConfig = {
    endpoint: "/troubleshoot/checks",
    probeCookie: PROBE_COOKIE,
    waitMs: SERVER_WAIT_MS,
    drawnEvent: CHECKS_DRAWN_EVENT,
    views: {
      checking: toElementTree(
        <p role="status" className="text-sm text-slate-600">
          {t("checking")}
        </p>,
      ),
      unreachable: toElementTree(
        <CheckResults
          findings={[serverUnreachableFinding(findings)]}
          text={checkResultsText(checks, findings, null)}
        />,
      ),
      failed: toElementTree(<Alert tone="error">{t("checksFailed")}</Alert>),
    },
  };
  // "<" escaped, so no text in the config can close its script element.
  const configJson = JSON.stringify(config).replace(/</g, "\\u003c");
  // The data block runs nothing; it carries the nonce anyway, so every script element of a page has one (SEC-67).
  const nonce = cspNonce(requestHeaders);
  return (
    <>
      <div id={CHECKS_IDS.container} dangerouslySetInnerHTML={{ __html: "" }} />
      <script
        type="application/json"
        id={CHECKS_IDS.config}
        nonce={nonce}
        dangerouslySetInnerHTML={{ __html: configJson }}
      />
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyChecksScript() }} />
    </>
  );
}
