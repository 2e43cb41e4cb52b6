// `passkey-lab probe`: runs the probes through a site's real pages, as its config (passkey-lab.config.ts) drives them.
// Prints a table, writes JSON, JUnit XML and an HTML report with screenshots, and exits 1 when the site accepted a
// tampered ceremony or a happy path failed (the conformance suite's exit codes: 2 for a usage error).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createJiti } from "jiti";
import { exitCodeFor } from "@/lib/conformance/exit-code";
import { formatConsoleTable } from "@/lib/conformance/reporters/console-table";
import { toJsonReport } from "@/lib/conformance/reporters/json";
import { toJUnitXml } from "@/lib/conformance/reporters/junit";
import type { PasskeyLabConfig } from "../config";
import { allProbes } from "./all-probes";
import { toHtmlReport } from "./html-report";
import { runProbes } from "./run-probes";

const CONFIG_NAMES = [
  "passkey-lab.config.ts",
  "passkey-lab.config.mts",
  "passkey-lab.config.js",
  "passkey-lab.config.mjs",
];

export const PROBE_USAGE = `Usage: passkey-lab probe [options]

  --config <path>   the site's config (default: passkey-lab.config.ts, .mts, .js or .mjs here)
  --json <path>     write the JSON report there (the conformance suite's contract)
  --junit <path>    write JUnit XML there
  --html <path>     write an HTML report with a screenshot of every failing probe there
  --filter <text>   run only probes whose id or title contains this (the happy paths they need still run)
  --headed          show the browser
  --strict          exit 1 on inconclusive probes too

Exit codes: 0 every probe passed or was skipped; 1 the site accepted a tampered ceremony, a happy path failed or the
site stopped answering; 2 usage error.`;

function write(path: string, content: string | Buffer) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}

async function loadConfig(path: string | undefined): Promise<PasskeyLabConfig | string> {
  const file = path ? resolve(path) : CONFIG_NAMES.map((name) => resolve(name)).find(existsSync);
  if (!file || !existsSync(file))
    return path ? `no config at ${path}` : `no ${CONFIG_NAMES.join(", ")} in ${process.cwd()}`;
  const config = await createJiti(import.meta.url).import<PasskeyLabConfig>(file, { default: true });
  const missing = (["baseURL", "rpId", "register", "signIn", "isSignedIn"] as const).filter(
    (field) => !config?.[field],
  );
  return missing.length ? `${file} lacks ${missing.join(", ")}` : config;
}

export async function runProbeCli(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        config: { type: "string" },
        json: { type: "string" },
        junit: { type: "string" },
        html: { type: "string" },
        filter: { type: "string" },
        headed: { type: "boolean" },
        strict: { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${PROBE_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(PROBE_USAGE);
    return 0;
  }
  const config = await loadConfig(values.config);
  if (typeof config === "string") {
    console.error(`${config}\n\n${PROBE_USAGE}`);
    return 2;
  }
  const wanted = values.filter?.toLowerCase();
  const probes = wanted
    ? allProbes.filter(
        (probe) => probe.family === "Probe-Happy" || `${probe.id} ${probe.title}`.toLowerCase().includes(wanted),
      )
    : allProbes;
  console.log(`Probing ${config.baseURL} (RP ID ${config.rpId}) with ${probes.length} probes`);
  const { report, screenshots } = await runProbes({
    config,
    probes,
    headed: values.headed,
    onResult: (result, done, total) =>
      console.log(
        `${result.outcome.toUpperCase().padEnd(12)} ${result.id} (${(result.durationMs / 1000).toFixed(1)} s) [${done}/${total}]`,
      ),
  });
  console.log(`\n${formatConsoleTable(report)}`);
  if (values.json) write(values.json, toJsonReport(report));
  if (values.junit) write(values.junit, toJUnitXml(report, "Passkey Lab probes"));
  if (values.html) write(values.html, toHtmlReport(report, screenshots));
  return exitCodeFor(report.summary, values.strict ?? false);
}
