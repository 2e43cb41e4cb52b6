import { connection } from "next/server";
import { Card } from "@/components/ui";
import { env } from "@/lib/env";
import { SuiteRunner } from "./suite-runner";

export const metadata = { title: "Conformance" };

const endpoints = ["/attestation/options", "/attestation/result", "/assertion/options", "/assertion/result"];

export default async function ConformancePage() {
  await connection();
  const base = `${env.RP_ORIGINS[0]}/fido`;
  const on = env.FIDO_CONFORMANCE_API === "on";
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">WebAuthn conformance</h1>
        <p className="text-slate-700">
          This server speaks the FIDO2 Server Conformance Test API, and our open suite checks any server that does: 258
          cases named by the FIDO test ids, plus the security bar&apos;s own (replays, races, counters, credential ids),
          driven by a software authenticator with real keys and signatures.
        </p>
      </div>
      <Card title="Run the suite against this server">
        {on ? <SuiteRunner target={base} /> : <p className="text-sm text-slate-700">The conformance API is turned off here (FIDO_CONFORMANCE_API=off).</p>}
      </Card>
      <Card title="The API">
        <p className="text-sm text-slate-700">POST JSON to these addresses; point the FIDO Alliance&apos;s tool at the base URL.</p>
        <ul className="mt-2 font-mono text-sm">
          {endpoints.map((path) => (
            <li key={path}>
              {base}
              {path}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="In your CI">
        <p className="text-sm text-slate-700">Run the suite against your own server; it writes JUnit XML and JSON and exits non-zero on a failure.</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          npm run conformance -- --target https://your.server/fido --junit conformance.xml --json conformance.json
        </pre>
      </Card>
    </div>
  );
}
