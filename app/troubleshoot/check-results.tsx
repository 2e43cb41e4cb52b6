// The automatic checks as the person sees them: rendered on the server (by checkBrowserAction, and by the page for the
// "cannot reach the server" case), in the request's language, so the page's script carries neither the words nor this
// markup.
import { LikelyCauses, type LikelyCausesText } from "@/components/troubleshoot/likely-causes";
import { StatusBadge, type StatusWords } from "@/components/troubleshoot/status-badge";
import type { Finding } from "@/lib/compat/finding";
import { inAppBrowserKind } from "@/lib/compat/in-app-browser";
import { browserLabel, osLabel } from "@/lib/compat/platform-labels";
import type { Platform } from "@/lib/compat/platform-types";
import type { Translator } from "@/lib/i18n/translator";

const order = { problem: 0, warning: 1, unknown: 2, ok: 3, unused: 4 } as const;

/** Problems first, then warnings, unknowns, passes and what this site does not use: the order a person should act in. */
export function byUrgency(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => order[a.status] - order[b.status]);
}

export type CheckResultsText = {
  /** "Chrome 131 on Windows 11", null when the server could not read the platform. */
  platform: string | null;
  results: string;
  passedList: string;
  whatToDo: string;
  /** The summary of the folded list, for the number of checks that passed and whether any row is "not used here". */
  passed: (passed: number, unused: number) => string;
  status: StatusWords;
  causes: LikelyCausesText;
};

/** The words of the checks card, in the translators' language; `platform` as the server read it, or null. */
export function checkResultsText(
  t: Translator<"checks">,
  findings: Translator<"findings">,
  platform: Platform | null,
): CheckResultsText {
  const named = platform && { browser: browserLabel(platform.browser, findings), os: osLabel(platform.os, findings) };
  return {
    platform: !named
      ? null
      : platform.inAppBrowser
        ? t("platformInApp", { ...named, kind: inAppBrowserKind(platform.inAppBrowser), app: platform.inAppBrowser })
        : t("platform", named),
    results: t("results"),
    passedList: t("passedList"),
    whatToDo: t("whatToDo"),
    passed: (passed, unused) => t("passed", { passed, unused: unused > 0 ? "some" : "none" }),
    status: {
      ok: t("status.ok"),
      warning: t("status.warning"),
      problem: t("status.problem"),
      unknown: t("status.unknown"),
      unused: t("status.unused"),
    },
    causes: { heading: t("causes.heading"), listName: t("causes.listName"), fix: t("causes.fix") },
  };
}

function FindingItem({ finding, text }: { finding: Finding; text: CheckResultsText }) {
  const actionable = finding.status !== "ok" && finding.status !== "unused";
  return (
    <li className="flex flex-col gap-1 py-3" data-finding={finding.id}>
      <span className="flex flex-wrap items-center gap-2">
        <StatusBadge status={finding.status} words={text.status} /> <span className="font-medium">{finding.title}</span>
      </span>
      <span className="text-sm text-slate-700">{finding.meaning}</span>
      {finding.fix && actionable && (
        <span className="text-sm">
          <span className="font-medium">{text.whatToDo}</span> {finding.fix}
        </span>
      )}
      {finding.causes && <LikelyCauses causes={finding.causes} text={text.causes} />}
      {/* The technical evidence, for staff: API names and values as the browser gave them, in English. */}
      {finding.detail && (
        <span className="text-xs text-slate-500" lang="en" dir="ltr" data-evidence>
          {finding.detail}
        </span>
      )}
    </li>
  );
}

export function CheckResults({ findings, text }: { findings: Finding[]; text: CheckResultsText }) {
  const settled = findings.filter((finding) => finding.status === "ok" || finding.status === "unused");
  const passed = settled.filter((finding) => finding.status === "ok").length;
  const unused = settled.length - passed;
  return (
    <>
      {text.platform && (
        <p className="text-sm" data-testid="platform">
          {text.platform}
        </p>
      )}
      <ul aria-label={text.results} className="flex flex-col divide-y divide-slate-100">
        {findings
          .filter((finding) => !settled.includes(finding))
          .map((finding) => (
            <FindingItem key={finding.id} finding={finding} text={text} />
          ))}
      </ul>
      {settled.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-brand-700">{text.passed(passed, unused)}</summary>
          <ul aria-label={text.passedList} className="flex flex-col divide-y divide-slate-100">
            {settled.map((finding) => (
              <FindingItem key={finding.id} finding={finding} text={text} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
