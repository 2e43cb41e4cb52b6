#!/usr/bin/env node
// One command from a fresh checkout to a running portal: install, build, migrate + seed the embedded database
// (printing the demo account), then `next start`. Plain Node so it runs before dependencies are installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function run(command, args) {
  const { status } = spawnSync(command, args, { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}

if (!existsSync("node_modules/.package-lock.json")) run("npm", ["ci"]);
run("npx", ["next", "build"]);
run("npm", ["run", "seed"]);
run("npx", ["next", "start"]);
