// The conformance CLI (scripts/conformance.ts) as another project's CI runs it: a child process of its own, read only
// through its exit code, its output and the files it writes. Also a target that accepts everything, and a reader for
// the JUnit XML it writes that refuses anything that is not well-formed (fast-xml-parser).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { AddressInfo } from "node:net";
import { REPO_ROOT } from "./servers";

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

const running = new Set<number>();

function killGroup(pid: number) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * `npx tsx --conditions=react-server scripts/conformance.ts …args` from the repository root, in a process group of
 * its own; resolves when it has exited and closed its output. Past `timeoutMs` the group is killed and the promise
 * rejects with everything the CLI printed.
 */
export function runConformanceCli(args: string[], timeoutMs: number): Promise<CliRun> {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/conformance.ts", ...args], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn npx tsx scripts/conformance.ts");
  running.add(pid);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(pid);
      reject(
        new Error(
          `conformance ${args.join(" ")} still running after ${timeoutMs} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      running.delete(pid);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      running.delete(pid);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** If the test process dies first, kill every CLI it started (by process group, only ours). */
process.once("exit", () => {
  for (const pid of running) killGroup(pid);
});

export type AcceptingTarget = { url: string; requests: () => number; close: () => Promise<void> };

/**
 * A wrong target: answers every POST under /fido with HTTP 200 {"status":"ok","errorMessage":""}, so every response
 * a conformant server must refuse is "accepted" (and the options carry no challenge). On an OS-chosen localhost port.
 */
export async function startAcceptingTarget(): Promise<AcceptingTarget> {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.once("end", () => {
      if (request.method !== "POST" || !request.url?.startsWith("/fido/")) return response.writeHead(404).end();
      requests++;
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "ok", errorMessage: "" }));
    });
  });
  server.listen(0);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/fido`,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

export type JUnitCase = { name: string; classname: string; failure?: string; error?: string; skipped?: string };
export type JUnitTotals = { tests: number; failures: number; errors: number; skipped: number };
export type JUnitReport = JUnitTotals & { suites: (JUnitTotals & { name: string; cases: JUnitCase[] })[] };

type Attributes = Record<string, string | undefined>;
type CaseNode = Attributes & { failure?: Attributes; error?: Attributes; skipped?: Attributes };
type SuiteNode = Attributes & { testcase?: CaseNode[] };

function totals(element: Attributes, name: string): JUnitTotals {
  const count = (attribute: string) => {
    const value = element[attribute];
    if (!/^\d+$/.test(value ?? "")) throw new Error(`<${name}> ${attribute}="${value}" is not a count`);
    return Number(value);
  };
  return { tests: count("tests"), failures: count("failures"), errors: count("errors"), skipped: count("skipped") };
}

/**
 * <testsuites> → <testsuite> → <testcase> [<failure message> | <error message> | <skipped message>], as JUnit readers expect it; throws
 * unless the file is well-formed XML (CI systems refuse it otherwise).
 */
export function parseJUnitXml(xml: string): JUnitReport {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) throw new Error(`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    isArray: (name) => name === "testsuite" || name === "testcase",
  });
  const document = parser.parse(xml) as { testsuites?: Attributes & { testsuite?: SuiteNode[] } };
  const root = document.testsuites;
  if (!root) throw new Error("<testsuites> expected as the root element");
  return {
    ...totals(root, "testsuites"),
    suites: (root.testsuite ?? []).map((suite) => ({
      ...totals(suite, "testsuite"),
      name: suite.name ?? "",
      cases: (suite.testcase ?? []).map((testCase) => {
        if ([testCase.failure, testCase.error, testCase.skipped].filter(Boolean).length > 1)
          throw new Error(`<testcase name="${testCase.name}"> has more than one outcome`);
        return {
          name: testCase.name ?? "",
          classname: testCase.classname ?? "",
          failure: testCase.failure ? (testCase.failure.message ?? "") : undefined,
          error: testCase.error ? (testCase.error.message ?? "") : undefined,
          skipped: testCase.skipped ? (testCase.skipped.message ?? "") : undefined,
        };
      }),
    })),
  };
}
