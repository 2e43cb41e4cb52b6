// Measurements that drive a running server or a child process: a load level with the server's memory sampled, cold
// start and the ceilings child.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import type { ServerActionClient } from "@/test/server-action-client";
import { runClosedLoop, type LoadResult } from "./load";
import type { Plan } from "./plan";
import { signInThroughPortal } from "./portal-ceremonies";
import { cpuSeconds, sampleRss, sleep, startGroup } from "./processes";
import type { CeilingPlan } from "./ceilings";
import type { CeilingResults } from "./ceilings";
import type { RunningServer } from "./servers";

export type ServerLevel = LoadResult & {
  peakRssMb: number | null;
  /** CPU used by the server process tree over the level (warm-up included), in % of one core. */
  serverCpuPercent: number | null;
  /** Server CPU time per successful operation over the level (warm-up included), in ms. */
  serverCpuMsPerOp: number | null;
  /** CPU used by this process (the clients: signing, HTTP) over the level, in % of one core. */
  loadGeneratorCpuPercent: number;
};

/** CPU seconds of several process trees together; null when one cannot be read. */
function totalCpuSeconds(servers: RunningServer[]): number | null {
  const each = servers.map((server) => cpuSeconds(server.pid));
  return each.some((value) => value === null) ? null : each.reduce((sum: number, value) => sum + value!, 0);
}

/** One load level against `server` (or several instances together), with its memory and CPU measured. */
export async function measureLevel(
  server: RunningServer | RunningServer[],
  plan: { clients: number; warmupMs: number; measureMs: number },
  operation: (client: number) => Promise<unknown>,
): Promise<ServerLevel> {
  const servers = Array.isArray(server) ? server : [server];
  const memory = sampleRss(servers.map((each) => each.pid));
  try {
    const serverCpuBefore = totalCpuSeconds(servers);
    const clientCpuBefore = process.cpuUsage();
    const began = performance.now();
    const result = await runClosedLoop(plan, async (client) => void (await operation(client)));
    const seconds = (performance.now() - began) / 1000;
    const serverCpuAfter = totalCpuSeconds(servers);
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const percent = (cpu: number) => Math.round((cpu / seconds) * 100);
    const serverCpu = serverCpuBefore === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpuBefore;
    return {
      ...result,
      peakRssMb: memory.stop(),
      serverCpuPercent: serverCpu === null ? null : percent(serverCpu),
      serverCpuMsPerOp:
        serverCpu === null || result.totalCompleted === 0
          ? null
          : Math.round((serverCpu * 1e4) / result.totalCompleted) / 10,
      loadGeneratorCpuPercent: percent((clientCpu.user + clientCpu.system) / 1e6),
    };
  } finally {
    memory.stop();
  }
}

/** From spawning `next start` to the first passkey sign-in that sets a session (retrying every 10 ms, up to 60 s). */
export async function coldStartMs(
  server: RunningServer,
  actions: ServerActionClient,
  authenticator: SoftwareAuthenticator,
): Promise<number> {
  const deadline = performance.now() + 60_000;
  let lastError: unknown;
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the portal exited during start-up (see ${server.logFile})`);
    try {
      await signInThroughPortal(actions, authenticator);
      return Math.round(performance.now() - server.startedAt);
    } catch (error) {
      lastError = error;
      await sleep(10);
    }
  }
  throw new Error(
    `no successful sign-in within 60 s of start: ${(lastError as Error)?.message} (see ${server.logFile})`,
  );
}

/** Runs bench/ceilings.ts in its own process on its own fresh database; at most 15 minutes. */
export async function runCeilings(root: string, work: string, plan: Plan, authSecret: string): Promise<CeilingResults> {
  const out = join(work, "ceilings.json");
  const childPlan: CeilingPlan = {
    out,
    schemaCopy: join(work, "schema.db"),
    rateMs: plan.rateMs,
  };
  const child = startGroup(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", join(root, "bench/ceilings.ts"), JSON.stringify(childPlan)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: `file:${join(work, "ceilings", "lib.db")}`,
        AUTH_SECRET: authSecret,
        RP_ID: "localhost",
        RP_ORIGINS: "http://localhost",
      },
      logFile: join(work, "ceilings.log"),
    },
  );
  try {
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 15 * 60_000);
      child.child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code !== 0 || !existsSync(out)) {
      throw new Error(
        `bench/ceilings.ts ${code === null ? "timed out" : `failed (exit ${code})`}:\n${readFileSync(child.logFile, "utf8").slice(-3000)}`,
      );
    }
    return JSON.parse(readFileSync(out, "utf8")) as CeilingResults;
  } finally {
    await child.stop();
  }
}
