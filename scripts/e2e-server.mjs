#!/usr/bin/env node
// The server Playwright tests run against: the production build (server.mjs, as `npm start`) on a fresh embedded
// database. The specs play the reverse proxy: each simulated person sends its own address in X-Forwarded-For, so
// loopback is a trusted proxy here (SEC-59 checks the default, no proxy, on servers of its own).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

// E2E_DATA_DIR lets several checkouts-in-one (parallel work on one machine) keep their databases apart.
const dataDir = process.env.E2E_DATA_DIR ?? ".e2e-data";
rmSync(dataDir, { recursive: true, force: true });
const port = process.env.E2E_PORT ?? "3100";
const server = spawn(process.execPath, ["server.mjs", "--port", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    DATABASE_URL: `file:./${dataDir}/e2e.db`,
    NODE_ENV: "production",
    FIDO_CONFORMANCE_API: "on",
    FIDO_METADATA_DIR: `./${dataDir}/fido-metadata`,
    TRUSTED_PROXIES: "loopback",
    // The site checker's e2e test serves its crafted well-known files on localhost, which the production default
    // (public addresses only) refuses: this one server may fetch any address. Never set it on a public server.
    SITE_CHECK_TARGETS: "any",
    // Expired rows go within seconds, so a test that ages a row sees the sweeper at work (security bar 60, 68).
    SWEEP_INTERVAL_SECONDS: "2",
    // No test needs the internet: the FIDO metadata a spec uses is one it makes and stores (e2e/fixtures/mds.ts).
    MDS_REFRESH: "off",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
