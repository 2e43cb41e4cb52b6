import { cookies } from "next/headers";
import { connection } from "next/server";
import { Card } from "@/components/ui";
import { allCases } from "@/lib/conformance/cases";
import { runOwnerHash, RUN_OWNER_COOKIE } from "@/lib/conformance/runs/run-owner";
import { listRuns } from "@/lib/conformance/runs/run-store";
import { env } from "@/lib/env";
import { RunList } from "./runs/run-list";
import { SuiteRunner } from "./suite-runner";

export const metadata = { title: "Conformance" };

const endpoints = ["/attestation/options", "/attestation/result", "/assertion/options", "/assertion/result"];

const targetsAllowed = {
  self: "Only this server can be a target here (CONFORMANCE_TARGETS=self); test others with the CLI below.",
  public:
    "Servers on public internet addresses can be tested too; private, loopback and metadata addresses are refused.",
  any: "Any server this one can reach can be tested (CONFORMANCE_TARGETS=any).",
} as const;

export default async function ConformancePage() {
  await connection();
  const base = `${env.RP_ORIGINS[0]}/fido`;
  const on = env.FIDO_CONFORMANCE_API === "on";
  const ownerHash = runOwnerHash((await cookies()).get(RUN_OWNER_COOKIE)?.value);
  const runs = ownerHash ? await listRuns(ownerHash) : [];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">WebAuthn conformance</h1>
        <p className="text-slate-700">
          This server speaks the FIDO2 Server Conformance Test API, and our open suite checks any server that does:{" "}
          {allCases().length} cases, those named by the FIDO test ids and the security bar&apos;s own (replays, races,
          counters, credential ids), driven by a software authenticator with real keys and signatures.
        </p>
        <a href="/report-card" className="text-sm font-medium text-brand-700 underline">
          Report card: what your own browser and authenticator support
        </a>
      </div>
      <Card title="Run the suite">
        {on || env.CONFORMANCE_TARGETS !== "self" ? (
          <SuiteRunner defaultTarget={on ? base : ""} allowsOthers={targetsAllowed[env.CONFORMANCE_TARGETS]} />
        ) : (
          <p className="text-sm text-slate-700">The conformance API is turned off here (FIDO_CONFORMANCE_API=off).</p>
        )}
      </Card>
      <Card title="Your recent runs">
        <RunList runs={runs} />
      </Card>
      <Card title="The API">
        <p className="text-sm text-slate-700">
          POST JSON to these addresses; point the FIDO Alliance&apos;s tool at the base URL.
        </p>
        <ul className="mt-2 font-mono text-sm break-all">
          {endpoints.map((path) => (
            <li key={path}>
              {base}
              {path}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="In your CI">
        <p className="text-sm text-slate-700">
          Run the suite against your own server; it writes JUnit XML and JSON and exits non-zero on a failure.
        </p>
        <pre
          tabIndex={0}
          aria-label="The CI command"
          className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
        >
          npm run conformance -- --target https://your.server/fido --junit conformance.xml --json conformance.json
        </pre>
      </Card>
    </div>
  );
}
