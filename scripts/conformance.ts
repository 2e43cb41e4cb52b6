// The conformance suite as a CI step: runs every case against a FIDO2 Server Conformance Test API, prints a table,
// writes JUnit XML and JSON, and exits 1 on a fail or a target-error (with --strict also on a deviation or an
// inconclusive case), 2 on a usage error.
//   npm run conformance -- --target http://localhost:3000/fido [--junit path] [--json path] [--filter text]
//                          [--metadata-dir dir] [--origin url] [--concurrency n] [--strict]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { formatConsoleTable } from "@/lib/conformance/reporters/console-table";
import { toJsonReport } from "@/lib/conformance/reporters/json";
import { toJUnitXml } from "@/lib/conformance/reporters/junit";
import { allCases } from "@/lib/conformance/cases";
import { exitCodeFor } from "@/lib/conformance/exit-code";
import { runSuite, selectCases } from "@/lib/conformance/run-suite";
import { needsTestRootHint, TEST_ROOT_HINT } from "@/lib/conformance/test-root-hint";

const USAGE = `Usage: npm run conformance -- --target <base URL> [options]

  --target <url>        the API's base URL, e.g. http://localhost:3000/fido (required)
  --junit <path>        write JUnit XML there
  --json <path>         write the full JSON report there
  --filter <text>       run only cases whose id or title contains this
  --metadata-dir <dir>  write the suite's metadata statements there first (the target's FIDO_METADATA_DIR);
                        its full-attestation cases need the target to trust the suite's per-run test root
  --origin <url>        the origin clientDataJSON claims (default: the target's origin)
  --concurrency <n>     cases at once (default 8); 1 for a target that serves one ceremony at a time
  --strict              exit 1 on deviations (right decision, wrong shape) and inconclusive cases too

Exit codes: 0 no fail and no target-error; 1 otherwise (or, with --strict, any deviation or inconclusive case);
2 usage error.`;

function usage(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

function write(path: string, content: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}

let values;
try {
  values = parseArgs({
    options: {
      target: { type: "string" },
      junit: { type: "string" },
      json: { type: "string" },
      filter: { type: "string" },
      "metadata-dir": { type: "string" },
      origin: { type: "string" },
      concurrency: { type: "string" },
      strict: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  usage((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.target || !/^https?:$/.test(URL.parse(values.target)?.protocol ?? "")) usage("--target must be an http(s) URL");
const concurrency = values.concurrency === undefined ? 8 : Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1) usage("--concurrency must be a whole number of at least 1");
if (selectCases(allCases(), values.filter).length === 0) usage(`--filter "${values.filter}" matches no case`);

const interactive = process.stderr.isTTY;
const report = await runSuite({
  target: values.target,
  origin: values.origin,
  filter: values.filter,
  concurrency,
  metadataDir: values["metadata-dir"],
  onProgress: (event) => {
    if (event.type === "start") console.error(`Running ${event.total} cases against ${values.target}`);
    else if (interactive) process.stderr.write(`\r${event.done}/${event.total} ${event.result.outcome.padEnd(12)} ${event.result.id.slice(0, 80).padEnd(80)}`);
    else if (event.result.outcome === "fail" || event.result.outcome === "target-error") console.error(`${event.result.outcome.toUpperCase()} ${event.result.id}`);
  },
});
if (interactive) process.stderr.write("\n");

console.log(formatConsoleTable(report));
if (values.junit) write(values.junit, toJUnitXml(report));
if (values.json) write(values.json, toJsonReport(report));
if (needsTestRootHint(report, allCases(), values["metadata-dir"] !== undefined)) console.error(TEST_ROOT_HINT);
process.exit(exitCodeFor(report.summary, values.strict ?? false));
