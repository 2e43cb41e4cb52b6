"use client";

// The report for support, built from facts only (version 2, docs/decisions/028): the snapshot the checks judged, the
// symptom's ids and answers, the live test's verdicts. Support reads it in their own language.
import { useState } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { reachServer } from "@/lib/browser/server-unreachable";
import { fillIn } from "@/lib/i18n/fill-in";
import type { Locale } from "@/lib/i18n/locales";
import type { ReportFacts } from "@/lib/troubleshoot/report-content";
import { saveReportAction } from "./actions";
import type { LiveTestRun } from "./live-test";
import type { ChecksOutcome } from "./start-checks";
import type { SymptomChoice } from "./symptom-path";

export type SaveReportText = {
  locale: Locale;
  /** Null when nobody is signed in; else the offer with the email filled in. */
  includeEmail: string | null;
  saveReport: string;
  waitForLiveTest: string;
  /** With the slot {code}. */
  savedCode: string;
  viewReport: string;
};

/** `email`: the signed-in person's, offered for the report so support can find the account. */
export function SaveReportForm({
  email,
  checks,
  symptom,
  liveTest,
  text,
}: {
  email: string | null;
  checks: Extract<ChecksOutcome, { ok: true }>;
  symptom: SymptomChoice | undefined;
  liveTest: LiveTestRun;
  text: SaveReportText;
}) {
  const [includeEmail, setIncludeEmail] = useState(false);
  const [saved, setSaved] = useState<{ code: string } | { error: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    if (liveTest.running) return;
    setSaving(true);
    const content: ReportFacts = {
      version: 2,
      locale: text.locale,
      snapshot: checks.snapshot,
      symptom,
      liveTest: liveTest.steps.length > 0 ? liveTest.steps : undefined,
      contactEmail: includeEmail && email ? email : undefined,
    };
    const result = await reachServer(saveReportAction(content));
    setSaving(false);
    setSaved(result.ok ? { code: result.data.code } : { error: result.message });
  }

  return (
    <>
      {email && text.includeEmail && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={includeEmail} onChange={(event) => setIncludeEmail(event.target.checked)} />
          {text.includeEmail}
        </label>
      )}
      <Button
        type="button"
        onClick={() => void save()}
        busy={saving}
        disabled={liveTest.running}
        className="self-start"
      >
        {text.saveReport}
      </Button>
      {liveTest.running && <p className="text-sm text-slate-600">{text.waitForLiveTest}</p>}
      {saved && "code" in saved && (
        <Alert tone="success">
          {fillIn(text.savedCode, {
            code: (
              <strong key="code" className="font-mono text-lg tracking-widest" data-testid="saved-code">
                {saved.code}
              </strong>
            ),
          })}{" "}
          <a href={`/troubleshoot/report/${saved.code}`} className="underline">
            {text.viewReport}
          </a>
        </Alert>
      )}
      {saved && "error" in saved && <Alert tone="error">{saved.error}</Alert>}
    </>
  );
}
