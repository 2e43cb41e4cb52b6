// The two servers under load: the portal (server.mjs, `npm start`, from .next-bench) and the framework-free baseline. Each gets
// its own database file, port, log file and process group.
import { join } from "node:path";
import { DIST_DIR } from "./build-portal";
import { startGroup, type Started } from "./processes";

export type ServerOptions = {
  root: string;
  port: number;
  databaseFile: string;
  authSecret: string;
  logFile: string;
};

export type RunningServer = Started & { baseUrl: string; kind: "portal" | "baseline" };

function serverEnv(options: ServerOptions): NodeJS.ProcessEnv {
  const baseUrl = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    DATABASE_URL: `file:${options.databaseFile}`,
    AUTH_SECRET: options.authSecret,
    RP_ID: "localhost",
    RP_ORIGINS: baseUrl,
    MDS_REFRESH: "off",
    // The flood cap for every caller together (3000 a minute) is below what one level of the load sends: a capacity
    // measurement, not a limiter test (e2e/security-*.spec.ts test that).
    SIGN_IN_OPTIONS_PER_MINUTE: "1000000",
  };
  return env;
}

/**
 * server.mjs (`npm start`) on the benchmark build; the process is the server. The load driver plays the reverse proxy
 * (each simulated person's address in X-Forwarded-For), so loopback is a trusted proxy here.
 */
export function startPortal(options: ServerOptions): RunningServer {
  const env = { ...serverEnv(options), NEXT_DIST_DIR: DIST_DIR, TRUSTED_PROXIES: "loopback" };
  const started = startGroup(process.execPath, [join(options.root, "server.mjs"), "--port", String(options.port)], {
    env,
    logFile: options.logFile,
  });
  return { ...started, baseUrl: `http://localhost:${options.port}`, kind: "portal" };
}

/** bench/baseline-server.ts in plain node with tsx's loader: one process, like server.mjs. */
export function startBaseline(options: ServerOptions): RunningServer {
  const started = startGroup(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", join(options.root, "bench/baseline-server.ts")],
    { env: serverEnv(options), logFile: options.logFile },
  );
  return { ...started, baseUrl: `http://localhost:${options.port}`, kind: "baseline" };
}
