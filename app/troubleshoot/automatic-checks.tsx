// The automatic checks' card body, drawn by the page's own inline script (early-checks-script.ts) before the page's
// React has loaded. The script draws into a container React leaves alone — its HTML is a constant, so hydration keeps
// what the script drew — from views rendered here, in the page's language, for the moments before and without the
// server's answer.
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/alert";
import { serverUnreachableFinding } from "@/lib/compat/server-unreachable";
import { cspNonce } from "@/lib/csp-nonce";
import { toElementTree } from "@/lib/render/element-tree";
import { CheckResults, checkResultsText } from "./check-results";
import { PROBE_COOKIE } from "./cookie-probe";
import { earlyChecksScript } from "./early-checks-script";

/** How long the page waits for the checks' answer before saying it cannot reach the server. */
const SERVER_WAIT_MS = 10_000;

export async function AutomaticChecks() {
  const [t, findings, checks, requestHeaders] = await Promise.all([
    getTranslations("wizard"),
    getTranslations("findings"),
    getTranslations("checks"),
    headers(),
  ]);
  const script = earlyChecksScript({
    containerId: "automatic-checks",
    endpoint: "/troubleshoot/checks",
    probeCookie: PROBE_COOKIE,
    waitMs: SERVER_WAIT_MS,
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
  });
  return (
    <>
      <div id="automatic-checks" dangerouslySetInnerHTML={{ __html: "" }} />
      <script nonce={cspNonce(requestHeaders)} dangerouslySetInnerHTML={{ __html: script }} />
    </>
  );
}
