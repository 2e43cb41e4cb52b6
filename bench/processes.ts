// Child processes of the benchmark: each in its own process group, so stopping it stops everything it started;
// free ports only from the benchmark's own range; memory read from /proc for the whole process tree.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Ports the benchmark may use. 3000 (demo), 3100/3150/3200 (tests) belong to others. */
export const PORT_RANGE = { first: 3300, last: 3399 } as const;
const takenByUs = new Set<number>();

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let port = PORT_RANGE.first; port <= PORT_RANGE.last; port++) {
    if (takenByUs.has(port)) continue;
    if (await portIsFree(port)) {
      takenByUs.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${PORT_RANGE.first}-${PORT_RANGE.last}`);
}

export type Started = {
  child: ChildProcess;
  pid: number;
  startedAt: number;
  logFile: string;
  stop: () => Promise<void>;
};

/** Starts `command` as the leader of a new process group, its output appended to `logFile`. */
export function startGroup(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string },
): Started {
  const log = openSync(options.logFile, "a");
  const startedAt = performance.now();
  const child = spawn(command, args, { env: options.env, detached: true, stdio: ["ignore", log, log] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  live.add(pid);
  let exited = false;
  child.once("exit", () => {
    exited = true;
    live.delete(pid);
  });
  const stop = async () => {
    if (exited) return;
    killGroup(pid, "SIGTERM");
    const deadline = Date.now() + 5_000;
    while (!exited && Date.now() < deadline) await sleep(50);
    if (!exited) killGroup(pid, "SIGKILL");
    live.delete(pid);
  };
  return { child, pid, startedAt, logFile: options.logFile, stop };
}

/** Process groups this run started and has not stopped yet; stopped on exit whatever happens. */
const live = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Last resort for a crash or Ctrl-C: SIGKILL every group we started (only ours, by id). */
export function killAllStarted() {
  for (const pid of live) killGroup(pid, "SIGKILL");
  live.clear();
}
process.once("exit", killAllStarted);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAllStarted();
    process.exit(130);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `url` answers at all (any status), or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, started?: Started): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started && started.child.exitCode !== null) throw new Error(`${url}: server exited (see ${started.logFile})`);
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await sleep(20);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms${started ? ` (see ${started.logFile})` : ""}`);
}

/** The pids of `root` and all its descendants, from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 is the parent pid; the command name (field 2) may hold spaces, so split after its ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length && i < 1_000; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the summed VmRSS of process trees every `everyMs` until stopped; reports the peak in MB. */
export function sampleRss(roots: number | number[], everyMs = 100) {
  const all = Array.isArray(roots) ? roots : [roots];
  const available = all.every((root) => existsSync(`/proc/${root}/status`));
  let peakKb = 0;
  const sample = () => {
    const kb = all.flatMap(processTree).reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0);
    peakKb = Math.max(peakKb, kb);
  };
  if (available) sample();
  const timer = available ? setInterval(sample, everyMs) : undefined;
  return {
    stop(): number | null {
      if (timer) clearInterval(timer);
      if (!available) return null;
      sample();
      return Math.round(peakKb / 102.4) / 10;
    },
  };
}

/** The largest lifetime peak (VmHWM) of any process in the tree, in MB. */
export function highWaterMb(root: number): number | null {
  if (!existsSync(`/proc/${root}/status`)) return null;
  const kb = Math.max(...processTree(root).map((pid) => statusKb(pid, "VmHWM")));
  return Math.round(kb / 102.4) / 10;
}

/** Clock ticks per second of /proc/PID/stat's times (100 on Linux almost everywhere). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system, all threads) used so far by a process tree; null without /proc. */
export function cpuSeconds(root: number): number | null {
  if (!existsSync(`/proc/${root}/stat`)) return null;
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Fields 14 and 15 (utime, stime) are the 12th and 13th after the command name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited while we looked
    }
  }
  return ticks / CLOCK_TICKS;
}
