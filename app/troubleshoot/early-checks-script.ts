// The automatic checks, off the page's hydration: an inline script where the checks' card is probes this browser,
// stores the probe cookie, sends both to POST /troubleshoot/checks and draws the answer — all while the page's React
// is still loading, so the checks appear after the HTML, the probes and one request (docs/performance.md, "Wizard").
// The judging, the rules and the words stay on the server: the answer carries the rendered rows as an element tree
// (lib/render/element-tree.ts). The functions below are sent as their text, so each names nothing from outside
// itself; what one needs of another is passed in.
import "server-only";
import { credentialsMethodWrapped, isNative } from "@/lib/browser/api-wrapping";
import type { ElementTree } from "@/lib/render/element-tree";
import { captureSnapshot } from "./capture-snapshot";
import type { BrowserChecks, ChecksOutcome } from "./checks-answer";
import { storeProbeCookie } from "./cookie-probe";

/** What the page gives its script: where to draw, where to ask, and the views it draws without the server's answer. */
export type EarlyChecksConfig = {
  containerId: string;
  endpoint: string;
  probeCookie: string;
  /** How long to wait for the server before saying it cannot be reached. */
  waitMs: number;
  views: { checking: ElementTree[]; unreachable: ElementTree[]; failed: ElementTree[] };
};

/** What POST /troubleshoot/checks answers when it has judged the snapshot. */
export type JudgedChecks = BrowserChecks & { view: ElementTree[] };

const parts = { captureSnapshot, storeProbeCookie, isNative, credentialsMethodWrapped };

function startChecks(config: EarlyChecksConfig, part: typeof parts): void {
  const container = document.getElementById(config.containerId);
  const build = (tree: ElementTree): Node => {
    if (typeof tree === "string") return document.createTextNode(tree);
    const [tag, attributes, ...children] = tree;
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children.map(build));
    return element;
  };
  const show = (view: ElementTree[]) => container?.replaceChildren(...view.map(build));

  async function ask(body: string): Promise<{ ok: true; data: JudgedChecks } | { ok: false } | null> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), config.waitMs);
    try {
      const headers = { "content-type": "application/json" };
      const response = await fetch(config.endpoint, { method: "POST", headers, body, signal: abort.signal });
      return (await response.json()) as { ok: true; data: JudgedChecks } | { ok: false };
    } catch {
      // Offline, blocked, timed out, or a proxy's error page: the request that carries the checks is also the
      // connection test.
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  async function run(): Promise<ChecksOutcome> {
    show(config.views.checking);
    const cookieProbe = part.storeProbeCookie(config.probeCookie);
    const snapshot = await part.captureSnapshot(part);
    const answer = await ask(JSON.stringify({ snapshot, cookieProbe }));
    if (!answer) {
      show(config.views.unreachable);
      return { ok: false, unreachable: true };
    }
    if (answer.ok !== true) {
      show(config.views.failed);
      return { ok: false, unreachable: false };
    }
    show(answer.data.view);
    return { ok: true, platform: answer.data.platform, snapshot: answer.data.snapshot };
  }

  window.passkeyLabChecks = run().catch(() => {
    show(config.views.failed);
    return { ok: false, unreachable: false };
  });
}

/** The inline script's text: startChecks called with the page's config and the parts it uses, each as its source. */
export function earlyChecksScript(config: EarlyChecksConfig): string {
  const partsSource = Object.entries(parts).map(([name, part]) => `${name}: ${part.toString()}`);
  // "<" escaped, so no text in the config can close the script element.
  const configSource = JSON.stringify(config).replace(/</g, "\\u003c");
  return `(${startChecks.toString()})(${configSource}, { ${partsSource.join(", ")} });`;
}
