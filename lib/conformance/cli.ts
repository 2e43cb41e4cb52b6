// The conformance suite as a CI step: runs every case against a FIDO2 Server Conformance Test API, prints a table,
// writes JUnit XML and JSON, and answers the exit code: 1 on a fail or a target-error (with --strict also on a
// deviation or an inconclusive case), 2 on a usage error. `npm run conformance` and `passkey-lab conformance` both
// call it, so the two take the same flags and print the same output.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { formatConsoleTable } from "./reporters/console-table";
import { toJsonReport } from "./reporters/json";
import { toJUnitXml } from "./reporters/junit";
import { allCases } from "./cases";
import { exitCodeFor } from "./exit-code";
import { startSuiteMdsService, type SuiteMdsService } from "./mds-test-service";
import { runSuite, selectCases } from "./run-suite";
import { needsTestRootHint, TEST_ROOT_HINT } from "./test-root-hint";

const OPTIONS = `  --target <url>        the API's base URL, e.g. http://localhost:3000/fido (required)
  --junit <path>        write JUnit XML there
  --json <path>         write the full JSON report there
  --filter <text>       run only cases whose id or title contains this
  --metadata-dir <dir>  write the suite's metadata statements there first (the target's FIDO_METADATA_DIR);
                        its full-attestation cases need the target to trust the suite's per-run test root
  --mds-port <port>     serve the suite's MDS3 test BLOBs on http://localhost:<port> and run the Server-MDS3 cases
                        (in a run of their own: with --filter Server-MDS3, without --metadata-dir)
  --mds-setup <command> with --mds-port: the shell command that points the target at them, run before the cases with
                        MDS_TEST_URLS (the BLOB URLs, space-separated) and MDS_TEST_ROOT (a PEM file of their root)
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
  mds?: { port: number; setup: string };
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
        "mds-port": { type: "string" },
        "mds-setup": { type: "string" },
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
  const metadataDir = values["metadata-dir"];
  return { target, junit, json, filter, origin, strict, concurrency, metadataDir, mds: parseMdsOptions(values) };
}

function parseMdsOptions(values: { "mds-port"?: string; "mds-setup"?: string; "metadata-dir"?: string }) {
  const { "mds-port": port, "mds-setup": setup } = values;
  if (port === undefined && setup === undefined) return undefined;
  const number = Number(port);
  if (!Number.isInteger(number) || number < 0 || number > 65535)
    throw new UsageError("--mds-port must be a port number (0 for any free one)");
  if (!setup) throw new UsageError("--mds-port needs --mds-setup: the command that points the target at the BLOBs");
  // Statements in the folder would trust the suite's root for every model, the models of refused BLOBs too.
  if (values["metadata-dir"]) throw new UsageError("--mds-port runs without --metadata-dir");
  return { port: number, setup };
}

/** Starts the suite's MDS3 service and runs the command that points the target at it (its exit code is the target's
 * business: it refuses four of the five BLOBs, and the cases judge what it kept). */
async function serveMds(mds: { port: number; setup: string }): Promise<SuiteMdsService> {
  const service = await startSuiteMdsService(mds.port);
  const rootFile = join(mkdtempSync(join(tmpdir(), "passkey-lab-mds-")), "root.pem");
  writeFileSync(rootFile, service.rootPem);
  console.error(`Serving MDS3 test BLOBs: ${service.blobUrls.join(" ")} (root ${rootFile})`);
  // Not spawnSync: the command fetches from the service, which answers on this process's event loop.
  const setup = spawn(mds.setup, {
    shell: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, MDS_TEST_URLS: service.blobUrls.join(" "), MDS_TEST_ROOT: rootFile },
  });
  await once(setup, "close");
  return service;
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

  const mds = options.mds ? await serveMds(options.mds) : undefined;
  const interactive = process.stderr.isTTY;
  const report = await runSuite({
    target: options.target,
    origin: options.origin,
    filter: options.filter,
    concurrency: options.concurrency,
    metadataDir: options.metadataDir,
    mdsServed: mds !== undefined,
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
  await mds?.close();

  console.log(formatConsoleTable(report));
  if (options.junit) write(options.junit, toJUnitXml(report));
  if (options.json) write(options.json, toJsonReport(report));
  if (needsTestRootHint(report, allCases(), options.metadataDir !== undefined)) console.error(TEST_ROOT_HINT);
  return exitCodeFor(report.summary, options.strict);
}
