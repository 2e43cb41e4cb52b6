// What Next.js itself costs per request on this machine: bench/floor-app is the smallest App Router app with one
// server action and one route handler, both doing nothing. Loaded like the sign-in (closed loop, `clients` at once),
// its server CPU per call is the floor under every portal request — the part no change to app/ or lib/ can remove.
// With it, the best portal ÷ baseline ratio that two server actions per sign-in allow can be computed from the run.
import { join } from "node:path";
import { ServerActionClient } from "@/test/server-action-client";
import type { BenchContext } from "./context";
import { measureLevel } from "./measure";
import { freePort, startGroup, waitForHttp } from "./processes";
import type { ServerLevel } from "./measure";

export const FLOOR_APP = "bench/floor-app";

export type FrameworkFloor = {
  clients: number;
  /** A no-op server action, posted as the browser posts one (Next-Action header, arguments as text). */
  noopAction: ServerLevel;
  /** A no-op route handler (POST, answers a small JSON body). */
  noopRoute: ServerLevel;
  definition: string;
};

async function buildFloorApp(context: BenchContext): Promise<void> {
  const build = startGroup("npx", ["next", "build", FLOOR_APP], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    logFile: join(context.work, "floor-build.log"),
  });
  const code = await new Promise<number | null>((resolve) => build.child.once("exit", resolve));
  if (code !== 0)
    throw new Error(`next build ${FLOOR_APP} failed (exit ${code}); see ${join(context.work, "floor-build.log")}`);
}

export async function measureFrameworkFloor(context: BenchContext, clients: number): Promise<FrameworkFloor> {
  await buildFloorApp(context);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const server = startGroup(
    process.execPath,
    [join(context.root, "node_modules/next/dist/bin/next"), "start", FLOOR_APP, "--port", String(port)],
    {
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      logFile: join(context.work, "floor-app.log"),
    },
  );
  const running = { ...server, baseUrl, kind: "portal" as const };
  context.started.push(running);
  try {
    await waitForHttp(baseUrl, 60_000, server);
    const actions = new ServerActionClient(baseUrl, join(context.root, FLOOR_APP, ".next"));
    const callAction = async () => {
      const answer = await actions.call<{ ok: boolean }>("/", `${FLOOR_APP}/app/actions.js`, "noopAction", []);
      if (answer.status !== 200 || !answer.result?.ok) throw new Error(`no-op action: HTTP ${answer.status}`);
    };
    const callRoute = async () => {
      const answer = await fetch(`${baseUrl}/api/noop`, { method: "POST", body: "[]" });
      if (!answer.ok) throw new Error(`no-op route: HTTP ${answer.status}`);
      await answer.text();
    };
    const level = { clients, warmupMs: context.plan.warmupMs, measureMs: context.plan.measureMs / 2 };
    await measureLevel(running, { clients: 8, warmupMs: 0, measureMs: context.plan.serverWarmupMs }, callAction);
    const noopAction = await measureLevel(running, level, callAction);
    const noopRoute = await measureLevel(running, level, callRoute);
    return {
      clients,
      noopAction,
      noopRoute,
      definition: `${FLOOR_APP}: next start of an app with one page, one no-op server action and one no-op route handler; ${clients} clients, closed loop`,
    };
  } finally {
    await server.stop();
  }
}

/**
 * The highest portal ÷ baseline ratio possible when a sign-in is two server actions: the baseline's CPU per sign-in
 * against the same work plus two no-op actions' worth of framework. Null when a CPU reading is missing.
 */
export function bestRatioWithTwoActions(
  baselineCpuMsPerSignIn: number | null,
  floor: FrameworkFloor | null,
): number | null {
  const action = floor?.noopAction.serverCpuMsPerOp ?? null;
  if (baselineCpuMsPerSignIn === null || action === null) return null;
  return baselineCpuMsPerSignIn / (baselineCpuMsPerSignIn + 2 * action);
}
