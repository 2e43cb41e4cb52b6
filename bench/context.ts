// What every phase of a run shares: the plan, the work folder, ports, the pool's authenticators, and the list of
// servers started (stopped by bench/run.ts whatever happens).
import { join } from "node:path";
import type { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import type { Plan } from "./plan";
import type { RunningServer, ServerOptions } from "./servers";

export type BenchContext = {
  root: string;
  work: string;
  plan: Plan;
  authSecret: string;
  ports: { portal: number; baseline: number };
  /** One per pool account, each holding that account's passkey. */
  authenticators: SoftwareAuthenticator[];
  /** A fresh copy of the pool database at `path`. */
  copyDatabase: (path: string) => Promise<void>;
  started: RunningServer[];
  log: (message: string) => void;
};

/** Options for a server called `name` on `port`, with its own fresh copy of the pool database and log file. */
export async function serverOptions(context: BenchContext, port: number, name: string): Promise<ServerOptions> {
  const options = {
    root: context.root,
    port,
    authSecret: context.authSecret,
    databaseFile: join(context.work, `${name}.db`),
    logFile: join(context.work, `${name}.log`),
  };
  await context.copyDatabase(options.databaseFile);
  return options;
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}
