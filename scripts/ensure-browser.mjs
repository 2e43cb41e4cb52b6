#!/usr/bin/env node
// Makes sure Playwright has a Chromium: Debian's /usr/bin/chromium where it exists or can be installed with apt
// (this project's machines, as root), Playwright's own download elsewhere.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const systemChromium = "/usr/bin/chromium";
const run = (command, args) => spawnSync(command, args, { stdio: "inherit" }).status === 0;

if (existsSync(systemChromium)) process.exit(0);
const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log("Installing Debian's chromium for the end-to-end tests…");
  if (
    run("apt-get", ["update", "-qq"]) &&
    run("apt-get", ["install", "-y", "-qq", "chromium"]) &&
    existsSync(systemChromium)
  ) {
    process.exit(0);
  }
}
console.log("No system Chromium: asking Playwright for its own.");
process.exit(run("npx", ["playwright", "install", "chromium"]) ? 0 : 1);
