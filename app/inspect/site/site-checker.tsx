"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { postJson } from "@/lib/browser/post-json";
import type { SiteFileReport, SiteReport, SiteRule } from "@/lib/site-check/types";

const mark = (rule: SiteRule) => (rule.ok === true ? "✓" : rule.ok === false ? "✗" : "—");
const markLabel = (rule: SiteRule) => (rule.ok === true ? "passed" : rule.ok === false ? "failed" : "note");

export function SiteChecker() {
  const [site, setSite] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<SiteReport | null>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setReport(null);
    setBusy(true);
    const answer = await postJson<SiteReport>("/api/inspect/site", { site });
    setBusy(false);
    if (answer.ok) setReport(answer.data);
    else setError(answer.message);
  }

  return (
    <div className="flex flex-col gap-6">
      <form method="post" onSubmit={(event) => void check(event)} className="flex flex-col gap-4">
        <Field
          id="site-check-site"
          label="RP ID or origin"
          required
          value={site}
          onChange={(event) => setSite(event.target.value)}
          hint="e.g. example.com or https://example.com"
        />
        <Button type="submit" busy={busy} className="self-start">
          {busy ? "Checking…" : "Check the site"}
        </Button>
      </form>
      <Alert tone="error">{error}</Alert>
      {report && (
        <div className="flex flex-col gap-6" data-testid="site-report">
          <p className="text-sm text-slate-700">
            RP ID <strong>{report.rpId}</strong>, files fetched from {report.origin}
          </p>
          <FileReport title="Related origins (/.well-known/webauthn)" report={report.relatedOrigins} />
          <FileReport title="Passkey endpoints (/.well-known/passkey-endpoints)" report={report.passkeyEndpoints} />
        </div>
      )}
    </div>
  );
}

function FileReport({ title, report }: { title: string; report: SiteFileReport }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h2 className="font-semibold">{title}</h2>
      <p className="text-xs wrap-anywhere text-slate-600">
        {report.url}: {report.status === null ? "no answer" : `HTTP ${report.status}`}
      </p>
      <ul className="flex flex-col gap-2 text-sm">
        {report.rules.map((rule) => (
          <li key={rule.id} className="flex gap-2 border-b border-slate-100 pb-2">
            <span
              aria-hidden
              className={rule.ok === false ? "text-red-700" : rule.ok ? "text-green-700" : "text-slate-500"}
            >
              {mark(rule)}
            </span>
            <span className="sr-only">{markLabel(rule)}:</span>
            <div className="wrap-anywhere">
              <p>{rule.message}</p>
              {rule.browsers && <p className="text-slate-600">What browsers do: {rule.browsers}</p>}
              <p className="text-xs text-slate-500">{rule.source}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
