#!/usr/bin/env node
// Prints one closing line for the whole suite ("N passed, N failed") from the unit, end-to-end, kit and durability reports.
import { readFileSync } from "node:fs";

const read = (file) => JSON.parse(readFileSync(`test-results/${file}`, "utf8"));
const unit = read("unit.json");
const e2e = read("e2e.json");
const kit = read("kit.json");
const durability = read("durability.json");
const parts = [
  ["unit", unit.numPassedTests, unit.numFailedTests],
  ["end-to-end", e2e.stats.expected, e2e.stats.unexpected + e2e.stats.flaky],
  ["kit", kit.numPassedTests, kit.numFailedTests],
  ["durability", durability.numPassedTests, durability.numFailedTests],
];
console.log(parts.map(([name, passed, failed]) => `${name}: ${passed} passed, ${failed} failed`).join("; "));
const passed = parts.reduce((sum, [, count]) => sum + count, 0);
const failed = parts.reduce((sum, [, , count]) => sum + count, 0);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
