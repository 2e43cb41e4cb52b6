// The automatic checks, off the page's hydration. The page runs startChecks in an inline script where the checks' card
// is (automatic-checks.tsx): it probes this browser, stores the probe cookie, sends both to POST /troubleshoot/checks
// and draws the answer — all while the page's React is still loading, so the checks appear after the HTML, the probes
// and one request (docs/performance.md, "Wizard"). Where React rendered the page in the browser (a client-side
// navigation, where it runs no script it renders), the wizard's island runs it instead (checks-answer.ts). The
// judging, the rules and the words stay on the server: the answer carries the rendered rows as an element tree
// (lib/render/element-tree.ts). The inline script carries these functions as their text, so each names nothing from
// outside itself; what one needs of another is passed in.
import { credentialsMethodWrapped, isNative } from "@/lib/browser/api-wrapping";
import { probe } from "@/lib/browser/probe";
import type { Platform } from "@/lib/compat/platform-types";
import type { EnvironmentSnapshot } from "@/lib/compat/snapshot";
import type { ElementTree } from "@/lib/render/element-tree";
import { captureSnapshot } from "./capture-snapshot";
import { probeCookieName, storeProbeCookie } from "./cookie-probe";

/**
 * `platform` names the device in the symptom path's heading; `snapshot` is what was judged (with the server's two
 * answers), which the symptom steps and the report are made from.
 */
export type BrowserChecks = { platform: Platform; snapshot: EnvironmentSnapshot };

/** `unreachable`: the server did not answer (offline, blocked, timed out); else it answered with an error. */
export type ChecksOutcome = ({ ok: true } & BrowserChecks) | { ok: false; unreachable: boolean };

/** The page's words and settings for the checks, as JSON in the page (checks-answer.ts, CHECKS_IDS.config). */
export type ChecksConfig = {
  endpoint: string;
  probeCookie: string;
  /** How long to wait for the server before saying it cannot be reached. */
  waitMs: number;
  /** Dispatched on the document once the checks are drawn (checks-answer.ts, CHECKS_DRAWN_EVENT). */
  drawnEvent: string;
  /** What is drawn without the server's answer: before it, when the server cannot be reached, when it refuses. */
  views: { checking: ElementTree[]; unreachable: ElementTree[]; failed: ElementTree[] };
};

/** What POST /troubleshoot/checks answers when it has judged the snapshot. */
export type JudgedChecks = BrowserChecks & { view: ElementTree[] };

export const checkParts = {
  captureSnapshot,
  storeProbeCookie,
  probeCookieName,
  isNative,
  credentialsMethodWrapped,
  probe,
};

/** Runs the checks and draws them in the container; the answer is also kept in window.passkeyLabChecks. */
export function startChecks(ids: { container: string; config: string }, part: typeof checkParts): void {
  const container = document.getElementById(ids.container);
  const config = JSON.parse(document.getElementById(ids.config)?.textContent ?? "null") as ChecksConfig;
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
    const cookieProbe = part.storeProbeCookie(config.probeCookie, part.probeCookieName);
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

  window.passkeyLabChecks = run()
    .catch((): ChecksOutcome => {
      show(config.views.failed);
      return { ok: false, unreachable: false };
    })
    .finally(() => document.dispatchEvent(new Event(config.drawnEvent)));
}
