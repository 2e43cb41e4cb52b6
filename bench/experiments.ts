// Experiments on extra server instances, each on a fresh copy of the pool database, bench/driver-hooks.mjs preloaded:
// the portal's statements per sign-in, and variants that measure proposed fixes without changing lib/ or app/
// (synchronous=FULL, cached key imports, two processes) at the 32-client level; plus the sign-in timed step by step.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ServerActionClient } from "@/test/server-action-client";
import { requestBaselineOptions, signInThroughBaseline } from "./baseline-ceremonies";
import { DIST_DIR } from "./build-portal";
import { median, serverOptions, type BenchContext } from "./context";
import { coldStartMs, measureLevel, portalStatementsPerSignIn } from "./measure";
import { fetchAccountPage, requestSignInOptions, SESSION_COOKIE, signInThroughPortal } from "./portal-ceremonies";
import { waitForHttp } from "./processes";
import type { ServerLevel } from "./measure";
import { startBaseline, startPortal, type RunningServer } from "./servers";

const hooks = (root: string) => [`--import=${pathToFileURL(join(root, "bench/driver-hooks.mjs")).href}`];

export async function countPortalStatements(context: BenchContext) {
  const countsFile = join(context.work, "portal-statements.json");
  const options = await serverOptions(context, context.ports.portal, "portal-counting", hooks(context.root));
  const portal = startPortal({ ...options, extraEnv: { BENCH_STATEMENT_COUNTS: countsFile } });
  context.started.push(portal);
  try {
    const actions = new ServerActionClient(portal.baseUrl, join(context.root, DIST_DIR));
    await coldStartMs(portal, actions, context.authenticators[0]);
    return await portalStatementsPerSignIn(
      portal,
      countsFile,
      actions,
      context.authenticators[0],
      context.plan.statementCountSignIns,
    );
  } finally {
    await portal.stop();
  }
}

/** A change tried without touching lib/ or app/: through bench/driver-hooks.mjs, or how the clients call. */
export type Variant = {
  name: string;
  description: string;
  /** Environment for bench/driver-hooks.mjs in both servers. */
  hooks: Record<string, string>;
  /** Whether the change applies to the baseline too (it does not compress, for one). */
  baseline: boolean;
  /** Portal processes on the same database file, clients spread over them (default 1). */
  portalInstances?: 1 | 2;
};

export const VARIANTS: Variant[] = [
  {
    name: "synchronous=FULL",
    description:
      "PRAGMA synchronous=FULL on every connection (every commit synced, as before decision 007): what the durability choice buys",
    hooks: { BENCH_PRAGMAS: "synchronous=FULL" },
    baseline: true,
  },
  {
    name: "cached key import",
    description:
      "public keys imported once per credential (crypto.subtle.importKey from JWK cached), not once per verification",
    hooks: { BENCH_CACHE_KEY_IMPORTS: "1" },
    baseline: true,
  },
  {
    name: "two portal processes",
    description:
      "two `next start` processes on the one database file (one per core), clients spread over both, as a load balancer would",
    hooks: {},
    baseline: false,
    portalInstances: 2,
  },
];

export type VariantResult = {
  name: string;
  description: string;
  clients: number;
  portal: ServerLevel;
  baseline: ServerLevel | null;
};

async function startPortals(
  context: BenchContext,
  variant: Variant,
  slug: string,
): Promise<{ portals: RunningServer[]; clients: ServerActionClient[] }> {
  const ports = variant.portalInstances === 2 ? [context.ports.portal, context.ports.baseline] : [context.ports.portal];
  const first = await serverOptions(context, ports[0], `portal-${slug}`, hooks(context.root));
  const origins = ports.map((port) => `http://localhost:${port}`).join(",");
  const portals = ports.map((port, index) =>
    startPortal({
      ...first,
      port,
      // The second instance shares the first one's database file.
      logFile: index === 0 ? first.logFile : first.logFile.replace(/\.log$/, `-${index + 1}.log`),
      extraEnv: { ...variant.hooks, RP_ORIGINS: origins },
    }),
  );
  context.started.push(...portals);
  const clients = portals.map((portal) => new ServerActionClient(portal.baseUrl, join(context.root, DIST_DIR)));
  for (const [index, portal] of portals.entries()) await coldStartMs(portal, clients[index], context.authenticators[0]);
  return { portals, clients };
}

/** Portal (and baseline) again on fresh servers with the variant, same load as the `clients` level. */
export async function variantExperiment(
  context: BenchContext,
  variant: Variant,
  clients: number,
): Promise<VariantResult> {
  const slug = variant.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  const { portals, clients: actions } = await startPortals(context, variant, slug);
  const baseline =
    variant.baseline && variant.portalInstances !== 2
      ? startBaseline({
          ...(await serverOptions(context, context.ports.baseline, `baseline-${slug}`, hooks(context.root))),
          extraEnv: variant.hooks,
        })
      : null;
  if (baseline) context.started.push(baseline);
  try {
    if (baseline) await waitForHttp(`${baseline.baseUrl}/health`, 60_000, baseline);
    const portalSignIn = (client: number) =>
      signInThroughPortal(actions[client % actions.length], context.authenticators[client]);
    const baselineSignIn = (client: number) => signInThroughBaseline(baseline!.baseUrl, context.authenticators[client]);
    const warm = { clients: 8, warmupMs: 0, measureMs: context.plan.serverWarmupMs };
    await measureLevel(portals, warm, portalSignIn);
    if (baseline) await measureLevel(baseline, warm, baselineSignIn);
    const level = { clients, warmupMs: context.plan.warmupMs, measureMs: context.plan.measureMs };
    const portalLevel = await measureLevel(portals, level, portalSignIn);
    const baselineLevel = baseline ? await measureLevel(baseline, level, baselineSignIn) : null;
    return {
      name: variant.name,
      description: variant.description,
      clients,
      portal: portalLevel,
      baseline: baselineLevel,
    };
  } finally {
    for (const portal of portals) await portal.stop();
    await baseline?.stop();
  }
}

export type StepBreakdown = {
  samples: number;
  /** Medians over sequential sign-ins, ms as the client sees them. */
  optionsMs: number;
  finishMs: number;
  /** The /account page the browser loads next. */
  accountRenderMs: number;
};

/**
 * One client, one step at a time: how long each server action of the sign-in takes, and how long the /account page
 * the browser then loads takes (fetched as the router does, RSC: 1).
 */
export async function portalStepBreakdown(
  context: BenchContext,
  actions: ServerActionClient,
  samples: number,
): Promise<StepBreakdown> {
  const authenticator = context.authenticators[0];
  const jar = await signInThroughPortal(actions, authenticator);
  const cookie = `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE)}`;
  const runs: number[][] = [];
  for (let i = 0; i < samples; i++) {
    const timings = { optionsMs: 0, finishMs: 0 };
    await signInThroughPortal(actions, authenticator, { timings });
    const began = performance.now();
    await fetchAccountPage(actions.baseUrl, cookie);
    runs.push([timings.optionsMs, timings.finishMs, performance.now() - began]);
  }
  const column = (index: number) => Math.round(median(runs.map((row) => row[index])) * 10) / 10;
  return { samples, optionsMs: column(0), finishMs: column(1), accountRenderMs: column(2) };
}

export type StepCosts = {
  clients: number;
  /**
   * Server CPU ms per operation, each step loaded on its own at `clients` clients. The /account render is the page the
   * browser loads after signing in: measured for scale, not part of the sign-in (the finish action does not redirect).
   */
  portal: {
    signIn: number | null;
    options: number | null;
    accountRender: number | null;
    verifyAndSessionInferred: number | null;
  };
  baseline: { signIn: number | null; options: number | null; verifyAndSessionInferred: number | null };
  levels: Record<string, ServerLevel>;
};

/**
 * Where the portal's CPU per sign-in goes: the options action alone, under the same load, against the whole sign-in;
 * the verify action + session is the rest. The same for the baseline. The /account render the browser asks for next
 * is measured on its own too.
 */
export async function stepCosts(
  context: BenchContext,
  servers: { portal: RunningServer; baseline: RunningServer; actions: ServerActionClient },
  signIns: { portal: ServerLevel; baseline: ServerLevel },
): Promise<StepCosts> {
  const clients = signIns.portal.clients;
  const level = { clients, warmupMs: context.plan.warmupMs, measureMs: context.plan.measureMs / 2 };
  const jar = await signInThroughPortal(servers.actions, context.authenticators[0]);
  const cookie = `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE)}`;
  const levels = {
    portalOptions: await measureLevel(servers.portal, level, () => requestSignInOptions(servers.actions)),
    portalAccountRender: await measureLevel(servers.portal, level, () =>
      fetchAccountPage(servers.portal.baseUrl, cookie),
    ),
    baselineOptions: await measureLevel(servers.baseline, level, () =>
      requestBaselineOptions(servers.baseline.baseUrl),
    ),
  };
  const rest = (whole: number | null, ...parts: (number | null)[]) =>
    whole === null || parts.some((part) => part === null)
      ? null
      : Math.round((whole - parts.reduce((sum: number, part) => sum + part!, 0)) * 10) / 10;
  const portal = {
    signIn: signIns.portal.serverCpuMsPerOp,
    options: levels.portalOptions.serverCpuMsPerOp,
    accountRender: levels.portalAccountRender.serverCpuMsPerOp,
    verifyAndSessionInferred: rest(signIns.portal.serverCpuMsPerOp, levels.portalOptions.serverCpuMsPerOp),
  };
  const baseline = {
    signIn: signIns.baseline.serverCpuMsPerOp,
    options: levels.baselineOptions.serverCpuMsPerOp,
    verifyAndSessionInferred: rest(signIns.baseline.serverCpuMsPerOp, levels.baselineOptions.serverCpuMsPerOp),
  };
  return { clients, portal, baseline, levels };
}
