// `npm run bench -- --profile`: each server alone under the 32-client sign-in load, started with --cpu-prof; prints
// where their CPU time goes (bench/summarise-profile.ts) and keeps the .cpuprofile files (open them in Chrome DevTools).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ServerActionClient } from "@/test/server-action-client";
import { signInThroughBaseline } from "./baseline-ceremonies";
import { DIST_DIR } from "./build-portal";
import { serverOptions, type BenchContext } from "./context";
import { RATIO_LEVEL } from "./full-run";
import { coldStartMs, measureLevel } from "./measure";
import { signInThroughPortal } from "./portal-ceremonies";
import { waitForHttp } from "./processes";
import { startBaseline, startPortal, type RunningServer } from "./servers";
import { summarise } from "./summarise-profile";

async function underLoad(context: BenchContext, server: RunningServer, signIn: (client: number) => Promise<unknown>) {
  await measureLevel(server, { clients: 8, warmupMs: 0, measureMs: context.plan.serverWarmupMs }, signIn);
  const level = await measureLevel(
    server,
    { clients: RATIO_LEVEL, warmupMs: context.plan.warmupMs, measureMs: context.plan.measureMs * 2 },
    signIn,
  );
  context.log(
    `${server.kind}: ${level.perSec}/s p99 ${level.p99Ms} ms, CPU ${level.serverCpuPercent} %, ${level.errors} errors`,
  );
  await server.stop();
}

function report(dir: string, name: string) {
  for (const file of readdirSync(dir).filter((entry) => entry.endsWith(".cpuprofile"))) {
    const summary = summarise(JSON.parse(readFileSync(join(dir, file), "utf8")));
    const line = ({ name: label, ms, share }: { name: string; ms: number; share: number }) =>
      `${(share * 100).toFixed(1).padStart(5)} %  ${String(ms).padStart(7)} ms  ${label}`;
    const text = [
      `${name} ${file}: ${summary.totalMs} ms profiled`,
      "Self time by area:",
      ...summary.areas.slice(0, 20).map(line),
      "Hottest functions (self time):",
      ...summary.functions.slice(0, 30).map(line),
    ].join("\n");
    writeFileSync(join(dir, `${file}.txt`), `${text}\n`);
    console.log(`\n${text}`);
  }
}

export async function profileSignIn(context: BenchContext): Promise<void> {
  const dirs = {
    portal: join(context.work, "profiles", "portal"),
    baseline: join(context.work, "profiles", "baseline"),
  };
  const portal = startPortal(
    await serverOptions(context, context.ports.portal, "portal", ["--cpu-prof", `--cpu-prof-dir=${dirs.portal}`]),
  );
  context.started.push(portal);
  const actions = new ServerActionClient(portal.baseUrl, join(context.root, DIST_DIR));
  await coldStartMs(portal, actions, context.authenticators[0]);
  await underLoad(context, portal, (client) => signInThroughPortal(actions, context.authenticators[client]));

  const baseline = startBaseline(
    await serverOptions(context, context.ports.baseline, "baseline", ["--cpu-prof", `--cpu-prof-dir=${dirs.baseline}`]),
  );
  context.started.push(baseline);
  await waitForHttp(`${baseline.baseUrl}/health`, 60_000, baseline);
  await underLoad(context, baseline, (client) =>
    signInThroughBaseline(baseline.baseUrl, context.authenticators[client]),
  );

  report(dirs.portal, "portal");
  report(dirs.baseline, "baseline");
  context.log(`profiles in ${join(context.work, "profiles")} (open a .cpuprofile in Chrome DevTools > Performance)`);
}
