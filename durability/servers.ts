// Real server processes (server.mjs, as `npm start`) for the durability suite: each the leader of its own process group (so a kill reaches
// npx, next and anything they started), on a port from 3500–3599 only, served from an existing build
// (NEXT_DIST_DIR, default .next) and pointed at a database file the test chooses. Never `next dev`.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
// Relative, not "@/": test/kit imports this file under a config without the alias.
import { DIST_DIR } from "../test/server-action-client";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Ports this suite may use; others (demo 3000, tests 3100–3200, benchmarks 3300–3399) belong to other runs. */
const PORT_RANGE = { first: 3500, last: 3599 } as const;
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

export type ServerOptions = {
  port: number;
  databaseUrl: string;
  authSecret: string;
  /** Every origin a ceremony may come from: all instances of one test, so any of them can finish another's ceremony. */
  origins: string[];
  /**
   * TRUSTED_PROXIES. Default `loopback`: the suite plays the reverse proxy, sending each simulated person's address in
   * X-Forwarded-For; "" runs the server as `npm start` does by default, with no proxy.
   */
  trustedProxies?: string;
  /** More settings for this server (e.g. SMTP_URL). */
  env?: Record<string, string>;
};

export type Server = {
  port: number;
  url: string;
  pid: number;
  /** Everything the process printed so far (stdout and stderr interleaved). */
  output: () => string;
  /** Resolves when the output matches `pattern`; rejects, with the output, if the process exits first. */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  /** Settles when the process group leader has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited: () => boolean;
};

const running = new Map<number, Server>();
const handedOut = new Set<number>();

function portIsFree(port: number): Promise<boolean> {
  return new Promise((settle) => {
    const probe = createServer();
    probe.once("error", () => settle(false));
    probe.listen({ port, exclusive: true }, () => probe.close(() => settle(true)));
  });
}

/** `count` ports from 3500–3599 that nothing listens on and this run has not handed out before. */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  const size = PORT_RANGE.last - PORT_RANGE.first + 1;
  // A random starting point keeps two runs of the suite on one machine from reaching for the same ports.
  const offset = Math.floor(Math.random() * size);
  for (let i = 0; i < size && ports.length < count; i++) {
    const port = PORT_RANGE.first + ((offset + i) % size);
    if (handedOut.has(port) || !(await portIsFree(port))) continue;
    handedOut.add(port);
    ports.push(port);
  }
  if (ports.length < count)
    throw new Error(`only ${ports.length} free ports in ${PORT_RANGE.first}-${PORT_RANGE.last}`);
  return ports;
}

export function originOf(port: number): string {
  return `http://localhost:${port}`;
}

/** Starts the server in its own process group; resolves once it serves GET /sign-in (see waitUntilReady). */
export async function startServer(options: ServerOptions): Promise<Server> {
  const server = launch(options);
  await waitUntilReady(server);
  return server;
}

/** Starts the process without waiting: for tests that start several at the same instant. */
export function launch({
  port,
  databaseUrl,
  authSecret,
  origins,
  trustedProxies = "loopback",
  env: extraEnv = {},
}: ServerOptions): Server {
  if (port < PORT_RANGE.first || port > PORT_RANGE.last)
    throw new Error(`port ${port} is outside ${PORT_RANGE.first}-${PORT_RANGE.last}`);
  if (!existsSync(join(REPO_ROOT, DIST_DIR, "BUILD_ID"))) {
    throw new Error(
      `no build in ${DIST_DIR}: run \`NEXT_DIST_DIR=${DIST_DIR} npx next build\` first (the suite never builds)`,
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    RP_ID: "localhost",
    RP_ORIGINS: origins.join(","),
    TRUSTED_PROXIES: trustedProxies,
    MDS_REFRESH: "off",
    ...extraEnv,
  };
  const child = spawn(process.execPath, ["server.mjs", "--port", String(port)], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error("could not spawn node server.mjs");
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  let exitedFlag = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((settle) => {
    child.once("exit", (code, signal) => {
      exitedFlag = true;
      settle({ code, signal });
      for (const listener of listeners) listener();
    });
  });
  const waitForOutput = (pattern: RegExp, timeoutMs = READY_TIMEOUT_MS) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`no ${pattern} from the server on ${port} in ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      const finish = (error?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (pattern.test(output)) finish();
        else if (exitedFlag) finish(new Error(`server on ${port} exited before printing ${pattern}:\n${output}`));
      };
      listeners.add(check);
      check();
    });
  const server: Server = {
    port,
    url: originOf(port),
    pid: child.pid,
    output: () => output,
    waitForOutput,
    exited,
    hasExited: () => exitedFlag,
  };
  running.set(child.pid, server);
  void exited.then(() => {
    // The leader is gone; its group may not be (stopServer waits for the whole group).
    if (!groupAlive(server.pid)) running.delete(server.pid);
  });
  return server;
}

/** Polls GET /sign-in until it answers 200; fails early, with the server's output, if the process exits. */
export async function waitUntilReady(server: Server, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited()) {
      const { code, signal } = await server.exited;
      throw new Error(
        `server on ${server.port} exited (code ${code}, signal ${signal}) before it was ready:\n${server.output()}`,
      );
    }
    try {
      const response = await fetch(`${server.url}/sign-in`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`server on ${server.port} not ready after ${timeoutMs} ms:\n${server.output()}`);
}

/**
 * Whether any process of the group still runs. A killed process stays a zombie until its parent reaps it (for next,
 * whose parent npx died with it, that is init, which may take a while); a zombie holds no port and no file, so it
 * counts as gone. Reads /proc where there is one.
 */
function groupAlive(pgid: number): boolean {
  if (!existsSync("/proc/self/stat")) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid pgrp …": comm may hold spaces, so read from the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z") return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function groupGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

/** Freezes (SIGSTOP) or thaws (SIGCONT) every process of the server, to line up what two servers do next. */
export function pauseServer(server: Server, paused: boolean) {
  signalGroup(server.pid, paused ? "SIGSTOP" : "SIGCONT");
}

/**
 * Stops the server's whole process group: SIGTERM (then SIGKILL after a grace period), or SIGKILL at once — the
 * `kill -9` of a crash. Resolves when no process of the group is left.
 */
export async function stopServer(server: Server, signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
  signalGroup(server.pid, signal);
  // A frozen process (pauseServer) acts on SIGTERM only once it runs again.
  signalGroup(server.pid, "SIGCONT");
  if (!(await groupGone(server.pid, signal === "SIGKILL" ? 5_000 : STOP_GRACE_MS))) {
    signalGroup(server.pid, "SIGKILL");
    if (!(await groupGone(server.pid, 5_000))) throw new Error(`process group ${server.pid} survived SIGKILL`);
  }
  running.delete(server.pid);
}

/** Stops every server this test file started and has not stopped yet; for afterEach/afterAll. */
export async function stopAllServers(signal: "SIGTERM" | "SIGKILL" = "SIGKILL"): Promise<void> {
  await Promise.all([...running.values()].map((server) => stopServer(server, signal)));
}

/** Last resort if the test process itself dies: kill every group it started (by id, only ours). */
process.once("exit", () => {
  for (const pid of running.keys()) signalGroup(pid, "SIGKILL");
});
