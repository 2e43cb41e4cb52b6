"use client";

import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { TextAreaField } from "@/components/text-area-field";
import { postJson } from "@/lib/browser/post-json";
import type { InspectResult, Mediation } from "@/lib/inspect/types";
import type { Vector } from "@/lib/inspect/vectors";
import { Report, type NextStep } from "./report";

export type Example = { label: string; vector: Vector };

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
  const [options, setOptions] = useState("");
  const [mediation, setMediation] = useState<Mediation | "">("");
  const responseBox = useRef<HTMLTextAreaElement>(null);
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
    setOptions("");
    setMediation("");
    setResult(null);
    setError(null);
  }

  // A registration's key and counter carried into the next inspection: the sign-in that follows it.
  function startNextStep(next: NextStep) {
    setPublicKey(next.publicKey);
    setSignCount(String(next.signCount));
    setResponse("");
    setChallenge("");
    setOptions("");
    setMediation("");
    setResult(null);
    setError(null);
    responseBox.current?.focus();
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
    let parsedOptions: unknown;
    try {
      parsedOptions = options.trim() ? JSON.parse(options) : undefined;
    } catch (problem) {
      return setError(`The options are not valid JSON: ${(problem as Error).message}`);
    }
    const body = {
      response: parsed,
      options: parsedOptions,
      mediation: mediation || undefined,
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
    const answer = await postJson<InspectResult>("/api/inspect", body);
    setBusy(false);
    if (answer.ok) setResult(answer.data);
    else setError(answer.message);
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
      <form method="post" onSubmit={(event) => void inspect(event)} className="flex flex-col gap-4">
        <TextAreaField
          id="inspect-response"
          ref={responseBox}
          required
          label={
            <>
              Response JSON (a PublicKeyCredential, e.g. from <code>toJSON()</code>)
            </>
          }
          value={response}
          onChange={(event) => setResponse(event.target.value)}
          rows={10}
          spellCheck={false}
          monospace
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextAreaField
            id="inspect-options"
            className="md:col-span-2"
            label="Options the relying party sent (JSON, optional)"
            value={options}
            onChange={(event) => setOptions(event.target.value)}
            rows={4}
            spellCheck={false}
            monospace
            hint={
              <>
                The creation or request options, as given to <code>parseCreationOptionsFromJSON()</code> or{" "}
                <code>parseRequestOptionsFromJSON()</code>. Their challenge and RP ID become the expected ones; the
                algorithm, user verification and allowCredentials are checked against them.
              </>
            }
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="inspect-mediation" className="text-sm font-medium text-slate-800">
              Mediation
            </label>
            <select
              id="inspect-mediation"
              aria-describedby="inspect-mediation-hint"
              value={mediation}
              onChange={(event) => setMediation(event.target.value as Mediation | "")}
              className="w-full min-w-0 rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm"
            >
              <option value="">Not given (a modal dialog)</option>
              <option value="conditional">conditional (autofill, automatic upgrade)</option>
              <option value="optional">optional</option>
              <option value="required">required</option>
              <option value="silent">silent</option>
            </select>
            <p id="inspect-mediation-hint" className="text-xs text-slate-600">
              A registration without user presence (UP=0) is valid only when it was asked with conditional mediation.
            </p>
          </div>
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
          <TextAreaField
            id="inspect-origins"
            label="Expected origins"
            value={origins}
            onChange={(event) => setOrigins(event.target.value)}
            rows={2}
            hint="Comma-separated or one per line."
          />
          <Field
            id="inspect-top-origin"
            label="Expected top origin (only if you embed the ceremony in an iframe)"
            value={topOrigin}
            onChange={(event) => setTopOrigin(event.target.value)}
          />
          <Field
            id="inspect-public-key"
            label="Credential public key (authentication)"
            hint="COSE (stored from the registration) or SPKI (toJSON()'s response.publicKey); base64url, base64 or PEM."
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
      {result && <Report result={result} onNextStep={startNextStep} />}
    </div>
  );
}
