"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { StatusBadge } from "@/components/troubleshoot/status-badge";
import { Alert, Button, Card } from "@/components/ui";
import type { Finding } from "@/lib/compat/finding";
import { evaluateEnvironment } from "@/lib/compat/findings";
import { detectPlatform } from "@/lib/compat/platform";
import type { EnvironmentSnapshot } from "@/lib/compat/snapshot";
import type { LiveTestStep, ReportContent } from "@/lib/troubleshoot/report-content";
import { saveReportAction } from "./actions";
import { captureSnapshot } from "./capture-snapshot";
import { LiveTest } from "./live-test";
import { SymptomPath } from "./symptom-path";

export type MyPasskey = { label: string; provider: string; storage: string; lastUsed: string; whyNotHere: string; fakesUserVerification: boolean };

const order = { problem: 0, warning: 1, unknown: 2, ok: 3 } as const;

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className="flex flex-col gap-1 py-3" data-finding={finding.id}>
      <span className="flex flex-wrap items-center gap-2">
        <StatusBadge status={finding.status} /> <span className="font-medium">{finding.title}</span>
      </span>
      <span className="text-sm text-slate-700">{finding.meaning}</span>
      {finding.fix && finding.status !== "ok" && (
        <span className="text-sm">
          <span className="font-medium">What to do:</span> {finding.fix}
        </span>
      )}
      {finding.detail && <span className="text-xs text-slate-500">{finding.detail}</span>}
    </li>
  );
}

export function Wizard({ rpId, email, myPasskeys }: { rpId: string; email: string | null; myPasskeys: MyPasskey[] | null }) {
  const [snapshot, setSnapshot] = useState<EnvironmentSnapshot | null>(null);
  const [symptom, setSymptom] = useState<ReportContent["symptom"]>();
  const [liveTest, setLiveTest] = useState<LiveTestStep[]>([]);
  const [includeEmail, setIncludeEmail] = useState(false);
  const [saved, setSaved] = useState<{ code: string } | { error: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void captureSnapshot().then(setSnapshot);
  }, []);

  const platform = useMemo(() => (snapshot ? detectPlatform(snapshot) : null), [snapshot]);
  const findings = useMemo(() => (snapshot ? [...evaluateEnvironment(snapshot)].sort((a, b) => order[a.status] - order[b.status]) : []), [snapshot]);

  async function save() {
    if (!platform) return;
    setSaving(true);
    const content: ReportContent = {
      version: 1,
      platform: { os: platform.os.label, browser: platform.browser.label, inAppBrowser: platform.inAppBrowser },
      findings,
      symptom,
      liveTest: liveTest.length > 0 ? liveTest : undefined,
      contactEmail: includeEmail && email ? email : undefined,
    };
    const result = await saveReportAction(content);
    setSaving(false);
    setSaved(result.ok ? { code: result.data.code } : { error: result.message });
  }

  return (
    <div className="flex flex-col gap-6">
      <Card title="1. Automatic checks">
        {!snapshot || !platform ? (
          <p role="status" className="text-sm text-slate-600">
            Checking this browser…
          </p>
        ) : (
          <>
            <p className="text-sm" data-testid="platform">
              {platform.browser.label} on {platform.os.label}
              {platform.inAppBrowser && ` — inside ${platform.inAppBrowser}`}
            </p>
            <ul aria-label="Check results" className="flex flex-col divide-y divide-slate-100">
              {findings
                .filter((finding) => finding.status !== "ok")
                .map((finding) => (
                  <FindingItem key={finding.id} finding={finding} />
                ))}
            </ul>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand-700">
                {findings.filter((finding) => finding.status === "ok").length} checks passed — show them
              </summary>
              <ul aria-label="Checks that passed" className="flex flex-col divide-y divide-slate-100">
                {findings
                  .filter((finding) => finding.status === "ok")
                  .map((finding) => (
                    <FindingItem key={finding.id} finding={finding} />
                  ))}
              </ul>
            </details>
          </>
        )}
      </Card>

      {platform && (
        <Card title="2. What goes wrong?">
          <SymptomPath platform={platform} findings={findings} onChange={setSymptom} />
        </Card>
      )}

      {myPasskeys && (
        <Card title="Your passkeys">
          {myPasskeys.length === 0 ? (
            <p className="text-sm text-slate-600">Your account has no passkeys yet.</p>
          ) : (
            <ul aria-label="Your passkeys and where they live" className="flex flex-col divide-y divide-slate-100 text-sm">
              {myPasskeys.map((passkey) => (
                <li key={passkey.label + passkey.lastUsed} className="flex flex-col gap-1 py-2">
                  <span className="font-medium">
                    {passkey.label} · {passkey.provider} · {passkey.storage} · last used {passkey.lastUsed}
                  </span>
                  <span className="text-slate-700">{passkey.whyNotHere}</span>
                  {passkey.fakesUserVerification && (
                    <span className="text-amber-900">
                      Warning: this provider is known to report user verification without checking your PIN, fingerprint or face.
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      <Card title="3. Live test">
        <LiveTest platform={platform} rpId={rpId} onSteps={setLiveTest} />
      </Card>

      <Card title="4. Save a report for support">
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">
            The report holds the checks, the problem you picked and the live test — no passkeys, keys, challenges or tokens.
            You get a short code to read to support staff; it is kept for 30 days.
          </p>
          {email && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={includeEmail} onChange={(event) => setIncludeEmail(event.target.checked)} />
              Include my email ({email}) so support can find my account
            </label>
          )}
          <Button type="button" onClick={() => void save()} busy={saving} disabled={!platform} className="self-start">
            Save report
          </Button>
          {saved && "code" in saved && (
            <Alert tone="success">
              Your report code is <strong className="font-mono text-lg tracking-widest" data-testid="saved-code">{saved.code}</strong>.{" "}
              <Link href={`/troubleshoot/report/${saved.code}`} className="underline">
                View, copy or download it
              </Link>
            </Alert>
          )}
          {saved && "error" in saved && <Alert tone="error">{saved.error}</Alert>}
        </div>
      </Card>
    </div>
  );
}
