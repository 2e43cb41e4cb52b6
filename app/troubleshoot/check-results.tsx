// The automatic checks as the person sees them: rendered on the server (by checkBrowserAction, and by the page for the
// "cannot reach the server" case), so the page's script carries neither the words nor this markup.
import { LikelyCauses } from "@/components/troubleshoot/likely-causes";
import { StatusBadge } from "@/components/troubleshoot/status-badge";
import type { Finding } from "@/lib/compat/finding";
import type { Platform } from "@/lib/compat/platform-types";

const order = { problem: 0, warning: 1, unknown: 2, ok: 3, unused: 4 } as const;

/** Problems first, then warnings, unknowns, passes and what this site does not use: the order a person should act in. */
export function byUrgency(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => order[a.status] - order[b.status]);
}

function FindingItem({ finding }: { finding: Finding }) {
  const actionable = finding.status !== "ok" && finding.status !== "unused";
  return (
    <li className="flex flex-col gap-1 py-3" data-finding={finding.id}>
      <span className="flex flex-wrap items-center gap-2">
        <StatusBadge status={finding.status} /> <span className="font-medium">{finding.title}</span>
      </span>
      <span className="text-sm text-slate-700">{finding.meaning}</span>
      {finding.fix && actionable && (
        <span className="text-sm">
          <span className="font-medium">What to do:</span> {finding.fix}
        </span>
      )}
      {finding.causes && <LikelyCauses causes={finding.causes} />}
      {finding.detail && <span className="text-xs text-slate-500">{finding.detail}</span>}
    </li>
  );
}

/** `platform` is null when the server could not be reached (it reads the platform from the snapshot). */
export function CheckResults({ platform, findings }: { platform: Platform | null; findings: Finding[] }) {
  const settled = findings.filter((finding) => finding.status === "ok" || finding.status === "unused");
  const passed = settled.filter((finding) => finding.status === "ok").length;
  const unused = settled.length - passed;
  return (
    <>
      {platform && (
        <p className="text-sm" data-testid="platform">
          {platform.browser.label} on {platform.os.label}
          {platform.inAppBrowser && ` — inside ${platform.inAppBrowser}`}
        </p>
      )}
      <ul aria-label="Check results" className="flex flex-col divide-y divide-slate-100">
        {findings
          .filter((finding) => !settled.includes(finding))
          .map((finding) => (
            <FindingItem key={finding.id} finding={finding} />
          ))}
      </ul>
      {settled.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-brand-700">
            {passed} checks passed{unused > 0 && `, and what this site does not use`} — show them
          </summary>
          <ul aria-label="Checks that passed" className="flex flex-col divide-y divide-slate-100">
            {settled.map((finding) => (
              <FindingItem key={finding.id} finding={finding} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
