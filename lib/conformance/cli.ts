// The conformance suite as a CI step: runs every case against a FIDO2 Server Conformance Test API, prints a table,
// writes JUnit XML and JSON, and answers the exit code: 1 on a fail or a target-error (with --strict also on a
// deviation or an inconclusive case), 2 on a usage error. `npm run conformance` and `passkey-lab conformance` both
// call it, so the two take the same flags and print the same output.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { formatConsoleTable } from "./reporters/console-table";
import { toJsonReport } from "./reporters/json";
import { toJUnitXml } from "./reporters/junit";
import { allCases } from "./cases";
import { exitCodeFor } from "./exit-code";
import { runSuite, selectCases } from "./run-suite";
import { needsTestRootHint, TEST_ROOT_HINT } from "./test-root-hint";

const OPTIONS = `  --target <url>        the API's base URL, e.g. http://localhost:3000/fido (required)
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

/** The usage text, headed by how `command` (e.g. "npm run conformance --") starts the CLI. */
export function conformanceUsage(command: string): string {
  return `Usage: ${command} --target <base URL> [options]\n\n${OPTIONS}`;
}

class UsageError extends Error {}

type CliOptions = {
  target: string;
  junit?: string;
  json?: string;
  filter?: string;
  metadataDir?: string;
  origin?: string;
  concurrency: number;
  strict: boolean;
};

function parseCliOptions(args: string[]): CliOptions | "help" {
  let values;
  try {
    values = parseArgs({
      args,
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
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  if (!values.target || !/^https?:$/.test(URL.parse(values.target)?.protocol ?? ""))
    throw new UsageError("--target must be an http(s) URL");
  const concurrency = values.concurrency === undefined ? 8 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError("--concurrency must be a whole number of at least 1");
  if (selectCases(allCases(), values.filter).length === 0)
    throw new UsageError(`--filter "${values.filter}" matches no case`);
  const { target, junit, json, filter, origin, strict = false } = values;
  return { target, junit, json, filter, origin, strict, concurrency, metadataDir: values["metadata-dir"] };
}

function write(path: string, content: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}

/** Runs the CLI with `args` (without the command itself) and answers its exit code; it never calls process.exit. */
export async function runConformanceCli(args: string[], command = "npm run conformance --"): Promise<number> {
  let options;
  try {
    options = parseCliOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${conformanceUsage(command)}`);
    return 2;
  }
  if (options === "help") {
    console.log(conformanceUsage(command));
    return 0;
  }

  const interactive = process.stderr.isTTY;
  const report = await runSuite({
    target: options.target,
    origin: options.origin,
    filter: options.filter,
    concurrency: options.concurrency,
    metadataDir: options.metadataDir,
    onProgress: (event) => {
      if (event.type === "start") console.error(`Running ${event.total} cases against ${options.target}`);
      else if (interactive)
        process.stderr.write(
          `\r${event.done}/${event.total} ${event.result.outcome.padEnd(12)} ${event.result.id.slice(0, 80).padEnd(80)}`,
        );
      else if (event.result.outcome === "fail" || event.result.outcome === "target-error")
        console.error(`${event.result.outcome.toUpperCase()} ${event.result.id}`);
    },
  });
  if (interactive) process.stderr.write("\n");

  console.log(formatConsoleTable(report));
  if (options.junit) write(options.junit, toJUnitXml(report));
  if (options.json) write(options.json, toJsonReport(report));
  if (needsTestRootHint(report, allCases(), options.metadataDir !== undefined)) console.error(TEST_ROOT_HINT);
  return exitCodeFor(report.summary, options.strict);
}
