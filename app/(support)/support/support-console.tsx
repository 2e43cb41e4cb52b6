"use client";

import { useState, type FormEvent } from "react";
import { LocalTime } from "@/components/local-time";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Alert, Button, Card, Field } from "@/components/ui";
import { ReportView } from "@/components/troubleshoot/report-view";
import { SuggestedScript } from "@/components/troubleshoot/suggested-script";
import { fillIn, fillInText } from "@/lib/i18n/fill-in";
import type { SuggestedScriptText } from "@/lib/support/support-script";
import type { Result } from "@/lib/result";
import { lookUpAccountAction, openReportAction, type AccountForStaff, type ReportForStaff } from "./actions";
import { AccountView } from "./account-view";
import { TimelineList, type TimelineText } from "./timeline-list";

/** The console's words, in the staff member's language (page.tsx); `{name}` marks a value only known here. */
export type SupportConsoleText = {
  /** With an `{until}` slot. */
  openUntil: string;
  openReport: string;
  reportCode: string;
  openReportButton: string;
  lookUpAccount: string;
  email: string;
  lookUp: string;
  /** With a `{code}` slot. */
  reportHeading: string;
  /** With a `{date}` slot. */
  saved: string;
  /** With an `{email}` slot. */
  savedSignedInAs: string;
  lookUpThisAccount: string;
  reportTimelineTitle: string;
  reportTimeline: string;
  timeline: TimelineText;
  script: SuggestedScriptText;
};

type Shown = { kind: "report"; data: ReportForStaff } | { kind: "account"; data: AccountForStaff } | null;
type Message = { kind: "report" | "account"; message: string; detail?: string } | null;

/**
 * The open console: both look-ups are posts (server actions), and what they find is shown below the forms.
 * `locale`: the page's language, for dates.
 */
export function SupportConsole({ until, text, locale }: { until: Date; text: SupportConsoleText; locale: string }) {
  const [shown, setShown] = useState<Shown>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<"report" | "account" | null>(null);
  // Controlled, so what staff typed stays in the field after a miss, to be read back and corrected.
  const [code, setCode] = useState("");

  async function run<T>(kind: "report" | "account", call: Promise<Result<T>>, show: (data: T) => Shown) {
    setBusy(kind);
    setMessage(null);
    const result = await reachServer(call);
    setBusy(null);
    if (result.ok) setShown(show(result.data));
    else {
      setShown(null);
      setMessage({ kind, message: result.message, detail: result.detail });
    }
  }

  const openReport = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run("report", openReportAction(code), (data) => ({ kind: "report", data }));
  };
  const lookUp = (email: unknown) =>
    void run("account", lookUpAccountAction(email), (data) => ({ kind: "account", data }));

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-600">
        {fillIn(text.openUntil, { until: <LocalTime date={until} locale={locale} /> })}
      </p>
      <Card title={text.openReport}>
        <form method="post" onSubmit={openReport} className="flex flex-wrap items-end gap-3">
          <Field
            id="code"
            name="code"
            label={text.reportCode}
            placeholder="K7M-4QX-9TZ-H2D"
            autoComplete="off"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-invalid={message?.kind === "report" || undefined}
            aria-describedby={message?.kind === "report" ? "code-error" : undefined}
          />
          <Button type="submit" busy={busy === "report"} disabled={busy !== null}>
            {text.openReportButton}
          </Button>
        </form>
        <div id="code-error" className="mt-3">
          <Alert tone="error" detail={message?.kind === "report" ? message.detail : undefined}>
            {message?.kind === "report" && message.message}
          </Alert>
        </div>
      </Card>
      <Card title={text.lookUpAccount}>
        <form
          method="post"
          onSubmit={(event) => {
            event.preventDefault();
            lookUp(new FormData(event.currentTarget).get("email"));
          }}
          className="flex flex-wrap items-end gap-3"
        >
          <Field id="email" name="email" type="email" label={text.email} autoComplete="off" required />
          <Button type="submit" busy={busy === "account"} disabled={busy !== null}>
            {text.lookUp}
          </Button>
        </form>
      </Card>
      <Alert tone="error" detail={message?.kind === "account" ? message.detail : undefined}>
        {message?.kind === "account" && message.message}
      </Alert>
      {shown?.kind === "report" && (
        <section aria-labelledby="shown-report" className="flex flex-col gap-4">
          <div>
            <h2 id="shown-report" className="text-xl font-bold">
              {fillInText(text.reportHeading, { code: shown.data.code })}
            </h2>
            <p className="text-sm text-slate-600">
              {fillIn(text.saved, { date: <LocalTime date={shown.data.createdAt} locale={locale} /> })}
            </p>
            {shown.data.ownerEmail && (
              <p className="text-sm">
                {fillInText(text.savedSignedInAs, { email: shown.data.ownerEmail })}{" "}
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy !== null}
                  onClick={() => lookUp(shown.data.ownerEmail)}
                >
                  {text.lookUpThisAccount}
                </Button>
              </p>
            )}
          </div>
          <ReportView
            report={shown.data.report}
            forStaff
            staffScript={<SuggestedScript script={shown.data.script} text={text.script} />}
          />
          <Card title={text.reportTimelineTitle}>
            <TimelineList
              events={shown.data.timeline}
              label={text.reportTimeline}
              text={text.timeline}
              locale={locale}
            />
          </Card>
        </section>
      )}
      {shown?.kind === "account" && (
        <AccountView account={shown.data.account} text={shown.data.text} timeline={text.timeline} locale={locale} />
      )}
    </div>
  );
}
