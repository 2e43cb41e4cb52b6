"use client";

import { useState, type FormEvent } from "react";
import { LocalTime } from "@/components/local-time";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Alert, Button, Card, Field } from "@/components/ui";
import { ReportView } from "@/components/troubleshoot/report-view";
import type { AccountForSupport } from "@/lib/support/account-lookup";
import type { Result } from "@/lib/result";
import { lookUpAccountAction, openReportAction, type ReportForStaff } from "./actions";
import { AccountView } from "./account-view";
import { TimelineList } from "./timeline-list";

type Shown = { kind: "report"; data: ReportForStaff } | { kind: "account"; data: AccountForSupport } | null;
type Message = { kind: "report" | "account"; message: string; detail?: string } | null;

/** The open console: both look-ups are posts (server actions), and what they find is shown below the forms. */
export function SupportConsole({ until }: { until: Date }) {
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
        Open until <LocalTime date={until} />; then confirm with your passkey again.
      </p>
      <Card title="Open a report">
        <form onSubmit={openReport} className="flex flex-wrap items-end gap-3">
          <Field
            id="code"
            name="code"
            label="Report code (as the person reads it)"
            placeholder="K7M-4QX-9TZ-H2D"
            autoComplete="off"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-invalid={message?.kind === "report" || undefined}
            aria-describedby={message?.kind === "report" ? "code-error" : undefined}
          />
          <Button type="submit" busy={busy === "report"} disabled={busy !== null}>
            Open report
          </Button>
        </form>
        <div id="code-error" className="mt-3">
          <Alert tone="error" detail={message?.kind === "report" ? message.detail : undefined}>
            {message?.kind === "report" && message.message}
          </Alert>
        </div>
      </Card>
      <Card title="Look up an account">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            lookUp(new FormData(event.currentTarget).get("email"));
          }}
          className="flex flex-wrap items-end gap-3"
        >
          <Field id="email" name="email" type="email" label="Email" autoComplete="off" required />
          <Button type="submit" busy={busy === "account"} disabled={busy !== null}>
            Look up
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
              Report {shown.data.code}
            </h2>
            <p className="text-sm text-slate-600">
              Saved <LocalTime date={shown.data.createdAt} />
            </p>
            {shown.data.ownerEmail && (
              <p className="text-sm">
                Saved while signed in as {shown.data.ownerEmail}{" "}
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy !== null}
                  onClick={() => lookUp(shown.data.ownerEmail)}
                >
                  Look up this account
                </Button>
              </p>
            )}
          </div>
          <ReportView report={shown.data.report} forStaff ownerKnown={shown.data.ownerEmail !== null} />
          <Card title="What this browser saw, beside the server's verdicts">
            <TimelineList events={shown.data.timeline} label="Report timeline" />
          </Card>
        </section>
      )}
      {shown?.kind === "account" && <AccountView account={shown.data} />}
    </div>
  );
}
