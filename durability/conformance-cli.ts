// The conformance CLI (scripts/conformance.ts) as another project's CI runs it: a child process of its own, read only
// through its exit code, its output and the files it writes. Also a target that accepts everything, and a strict
// reader for the JUnit XML it writes (CI systems refuse a file that is not well-formed XML; no XML parser is installed).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
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
      reject(new Error(`conformance ${args.join(" ")} still running after ${timeoutMs} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
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
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", errorMessage: "" }));
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

type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[] };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Parses the XML the JUnit reporter writes — an optional declaration, elements, attributes, escaped text — and throws
 * on anything that is not well-formed XML 1.0: unbalanced or mismatched tags, unquoted or repeated attributes, a raw
 * `<` or a bare `&` in text, unknown entities, control characters. Comments, CDATA and DTDs are refused: the
 * reporter writes none.
 */
function parseXml(xml: string): XmlElement {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at offset ${at}: ${why} (near ${JSON.stringify(xml.slice(at, at + 60))})`);
  };
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const found = pattern.exec(xml);
    if (found) at += found[0].length;
    return found;
  };
  const skipSpace = () => match(/\s*/y);
  const decode = (raw: string) => {
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(raw)) fail("a control character XML 1.0 cannot carry");
    if (raw.includes("<")) fail("a raw <");
    return raw.replace(/&([^;&<\s]*);?/g, (reference, name: string) => {
      if (!reference.endsWith(";")) fail(`a bare & (${JSON.stringify(reference)})`);
      if (name in ENTITIES) return ENTITIES[name];
      const code = /^#x[0-9a-f]+$/i.test(name) ? parseInt(name.slice(2), 16) : /^#\d+$/.test(name) ? Number(name.slice(1)) : fail(`unknown entity &${name};`);
      return String.fromCodePoint(code);
    });
  };
  const name = () => match(/[A-Za-z_][\w.:-]*/y)?.[0] ?? fail("a name expected");

  const element = (): XmlElement => {
    if (!match(/</y)) fail("< expected");
    const node: XmlElement = { name: name(), attributes: {}, children: [] };
    for (;;) {
      const spaced = skipSpace()![0].length > 0;
      if (match(/\/>/y)) return node;
      if (match(/>/y)) break;
      if (!spaced) fail("space expected before an attribute");
      const attribute = name();
      if (attribute in node.attributes) fail(`attribute ${attribute} given twice`);
      const value = match(/\s*=\s*("([^"]*)"|'([^']*)')/y) ?? fail(`attribute ${attribute} needs a quoted value`);
      node.attributes[attribute] = decode(value[2] ?? value[3]);
    }
    for (;;) {
      const next = xml.indexOf("<", at);
      if (next < 0) fail(`</${node.name}> missing`);
      decode(xml.slice(at, next)); // element text: checked, not kept
      at = next;
      if (match(/<\//y)) {
        if (name() !== node.name) fail(`</${node.name}> expected`);
        skipSpace();
        if (!match(/>/y)) fail("> expected");
        return node;
      }
      if (xml[at + 1] === "!" || xml[at + 1] === "?") fail("comments, CDATA, DTDs and processing instructions are not expected");
      node.children.push(element());
    }
  };

  match(/<\?xml\s+version="1\.0"(\s+encoding="UTF-8")?\s*\?>/y);
  skipSpace();
  const root = element();
  skipSpace();
  if (at !== xml.length) fail("content after the root element");
  return root;
}

export type JUnitCase = { name: string; classname: string; failure?: string; skipped?: string };
export type JUnitTotals = { tests: number; failures: number; errors: number; skipped: number };
export type JUnitReport = JUnitTotals & { suites: (JUnitTotals & { name: string; cases: JUnitCase[] })[] };

function totals(element: XmlElement): JUnitTotals {
  const count = (attribute: string) => {
    const value = element.attributes[attribute];
    if (!/^\d+$/.test(value ?? "")) throw new Error(`<${element.name}> ${attribute}="${value}" is not a count`);
    return Number(value);
  };
  return { tests: count("tests"), failures: count("failures"), errors: count("errors"), skipped: count("skipped") };
}

function only(element: XmlElement, name: string): XmlElement {
  if (element.name !== name) throw new Error(`<${name}> expected, found <${element.name}>`);
  return element;
}

/** <testsuites> → <testsuite> → <testcase> [<failure message> | <skipped message>], as JUnit readers expect it. */
export function parseJUnitXml(xml: string): JUnitReport {
  const root = only(parseXml(xml), "testsuites");
  return {
    ...totals(root),
    suites: root.children.map((suite) => ({
      ...totals(only(suite, "testsuite")),
      name: suite.attributes.name ?? "",
      cases: suite.children.map((testCase) => {
        const outcomes = only(testCase, "testcase").children;
        if (outcomes.length > 1 || outcomes.some((child) => child.name !== "failure" && child.name !== "skipped")) {
          throw new Error(`<testcase name="${testCase.attributes.name}"> holds ${outcomes.map((child) => `<${child.name}>`).join(", ")}`);
        }
        const message = (kind: string) => (outcomes[0]?.name === kind ? (outcomes[0].attributes.message ?? "") : undefined);
        return {
          name: testCase.attributes.name ?? "",
          classname: testCase.attributes.classname ?? "",
          failure: message("failure"),
          skipped: message("skipped"),
        };
      }),
    })),
  };
}
