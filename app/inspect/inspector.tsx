"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/alert";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { SERVER_UNREACHABLE } from "@/lib/browser/server-unreachable";
import type { InspectResult, Step } from "@/lib/inspect/types";
import type { Vector } from "@/lib/inspect/vectors";

export type Example = { label: string; vector: Vector };

const VERDICTS = {
  valid: { tone: "success", text: "Valid: every judged step passed." },
  invalid: { tone: "error", text: "Invalid: at least one step failed." },
  incomplete: { tone: "info", text: "Incomplete: no step failed, but some could not be judged without more input." },
} as const;

const mark = (step: Step) => (step.ok === true ? "✓" : step.ok === false ? "✗" : "—");
const markLabel = (step: Step) => (step.ok === true ? "passed" : step.ok === false ? "failed" : "not judged");
const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);

export function Inspector({ examples }: { examples: Example[] }) {
  const [response, setResponse] = useState("");
  const [challenge, setChallenge] = useState("");
  const [origins, setOrigins] = useState("");
  const [rpId, setRpId] = useState("");
  const [topOrigin, setTopOrigin] = useState("");
  const [publicKey, setPublicKey] = useState("");
  const [signCount, setSignCount] = useState("");
  const [requireUv, setRequireUv] = useState(false);
  const [requireTrust, setRequireTrust] = useState(false);
  const [asOf, setAsOf] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<InspectResult | null>(null);

  function load(example: Example) {
    const { vector } = example;
    setResponse(JSON.stringify(vector.response, null, 2));
    setChallenge(vector.expected.challenge);
    setOrigins(vector.expected.origin);
    setRpId(vector.expected.rpId);
    setTopOrigin("");
    setPublicKey(vector.expected.credentialPublicKey ?? "");
    setSignCount(vector.expected.storedSignCount === undefined ? "" : String(vector.expected.storedSignCount));
    setAsOf(vector.capturedAt ? vector.capturedAt.slice(0, 10) : "");
    setResult(null);
    setError(null);
  }

  async function inspect(event: FormEvent) {
    event.preventDefault();
    // A new attempt replaces the old verdict, whatever its outcome: an error must never sit above a stale report.
    setError(null);
    setResult(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(response);
    } catch (problem) {
      return setError(`The response is not valid JSON: ${(problem as Error).message}`);
    }
    const body = {
      response: parsed,
      expectedChallenge: challenge.trim() || undefined,
      expectedOrigin: lines(origins).length > 0 ? lines(origins) : undefined,
      expectedRPID: rpId.trim() || undefined,
      expectedTopOrigin: lines(topOrigin).length > 0 ? lines(topOrigin) : undefined,
      credentialPublicKey: publicKey.trim() || undefined,
      storedSignCount: signCount.trim() === "" ? undefined : Number(signCount),
      requireUserVerification: requireUv,
      requireTrustedAttestation: requireTrust,
      now: asOf ? Date.parse(`${asOf}T12:00:00Z`) : undefined,
    };
    setBusy(true);
    try {
      const answer = await fetch("/api/inspect", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = await answer.json();
      if (!answer.ok) {
        return setError(json?.error?.message ?? `The inspector answered HTTP ${answer.status}.`);
      }
      setResult(json as InspectResult);
    } catch {
      setError(SERVER_UNREACHABLE);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap gap-2">
        {examples.map((example) => (
          <Button key={example.label} type="button" variant="secondary" onClick={() => load(example)}>
            Load an example: {example.label}
          </Button>
        ))}
      </div>
      <form onSubmit={(event) => void inspect(event)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="inspect-response" className="text-sm font-medium text-slate-800">
            Response JSON (a PublicKeyCredential, e.g. from <code>toJSON()</code>)
          </label>
          <textarea
            id="inspect-response"
            required
            value={response}
            onChange={(event) => setResponse(event.target.value)}
            rows={10}
            spellCheck={false}
            className="rounded-md border border-slate-300 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm"
          />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            id="inspect-challenge"
            label="Expected challenge (base64url)"
            value={challenge}
            onChange={(event) => setChallenge(event.target.value)}
          />
          <Field
            id="inspect-rpid"
            label="RP ID"
            value={rpId}
            onChange={(event) => setRpId(event.target.value)}
            hint="e.g. example.com"
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="inspect-origins" className="text-sm font-medium text-slate-800">
              Expected origins
            </label>
            <textarea
              id="inspect-origins"
              aria-describedby="inspect-origins-hint"
              value={origins}
              onChange={(event) => setOrigins(event.target.value)}
              rows={2}
              className="rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm"
            />
            <p id="inspect-origins-hint" className="text-xs text-slate-600">
              Comma-separated or one per line.
            </p>
          </div>
          <Field
            id="inspect-top-origin"
            label="Expected top origin (only if you embed the ceremony in an iframe)"
            value={topOrigin}
            onChange={(event) => setTopOrigin(event.target.value)}
          />
          <Field
            id="inspect-public-key"
            label="Credential public key (COSE, base64url; authentication)"
            value={publicKey}
            onChange={(event) => setPublicKey(event.target.value)}
          />
          <Field
            id="inspect-sign-count"
            label="Stored sign count (authentication)"
            type="number"
            min={0}
            value={signCount}
            onChange={(event) => setSignCount(event.target.value)}
          />
          <Field
            id="inspect-as-of"
            label="Judge certificates as of"
            type="date"
            value={asOf}
            onChange={(event) => setAsOf(event.target.value)}
            hint="Empty: today. Set the capture day for an old response."
          />
          <fieldset className="flex flex-col gap-2 text-sm">
            <legend className="font-medium text-slate-800">Policy</legend>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={requireUv} onChange={(event) => setRequireUv(event.target.checked)} />{" "}
              Require user verification
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={requireTrust}
                onChange={(event) => setRequireTrust(event.target.checked)}
              />{" "}
              Require a trusted attestation
            </label>
          </fieldset>
        </div>
        <Button type="submit" busy={busy} className="self-start">
          {busy ? "Inspecting…" : "Inspect"}
        </Button>
      </form>
      <Alert tone="error">{error}</Alert>
      {result && <Report result={result} />}
    </div>
  );
}

function Report({ result }: { result: InspectResult }) {
  const verdict = VERDICTS[result.verdict];
  return (
    <div className="flex flex-col gap-4" data-testid="inspect-report">
      <Alert tone={verdict.tone}>
        <strong data-testid="inspect-verdict">{result.verdict}</strong> ({result.ceremony}) — {verdict.text}
      </Alert>
      {/* Long ids and hex values wrap anywhere, so the table fits a phone screen without scrolling sideways. */}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Verification steps</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 pr-2">
              Result
            </th>
            <th scope="col" className="py-1 pr-2">
              Step
            </th>
            <th scope="col" className="py-1 pr-2">
              Spec
            </th>
            <th scope="col" className="py-1">
              What it found
            </th>
          </tr>
        </thead>
        <tbody>
          {result.steps.map((step) => (
            <tr key={step.id} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-2 text-lg" aria-label={markLabel(step)}>
                <span
                  aria-hidden
                  className={step.ok === false ? "text-red-700" : step.ok ? "text-green-700" : "text-slate-500"}
                >
                  {mark(step)}
                </span>
              </td>
              <td className="py-1 pr-2 font-mono text-xs wrap-anywhere">
                {step.id} {step.advisory && <Badge>does not decide</Badge>}
              </td>
              <td className="py-1 pr-2 whitespace-nowrap text-xs">{step.spec}</td>
              <td className="py-1 wrap-anywhere">{step.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.entries(result.decoded).map(([name, value]) => (
        <details key={name} className="rounded-md border border-slate-200 p-3" open={name === "authenticatorData"}>
          <summary className="cursor-pointer font-medium">{name}</summary>
          <pre tabIndex={0} aria-label={`${name}, decoded`} className="mt-2 overflow-x-auto text-xs">
            {JSON.stringify(value, null, 2)}
          </pre>
        </details>
      ))}
    </div>
  );
}
