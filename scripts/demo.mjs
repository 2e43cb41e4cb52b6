#!/usr/bin/env node
// One command from a fresh checkout to a running portal: install, build, migrate + seed the embedded database
// (printing the demo account), then the server (server.mjs, `npm start`). Plain Node so it runs before dependencies are installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function run(command, args, env = process.env) {
  const { status } = spawnSync(command, args, { stdio: "inherit", env });
  if (status !== 0) process.exit(status ?? 1);
}

if (!existsSync("node_modules/.package-lock.json")) run("npm", ["ci"]);
run("npx", ["next", "build"]);
run("npm", ["run", "seed"]);
// The local start command serves the FIDO2 conformance API, which is off by default under NODE_ENV=production.
run("node", ["server.mjs"], { FIDO_CONFORMANCE_API: "on", ...process.env });
