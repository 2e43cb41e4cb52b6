#!/usr/bin/env node
// Prints one closing line for the whole suite ("N passed, N failed") from the unit and end-to-end JSON reports.
import { readFileSync } from "node:fs";

const unit = JSON.parse(readFileSync("test-results/unit.json", "utf8"));
const e2e = JSON.parse(readFileSync("test-results/e2e.json", "utf8"));
const passed = unit.numPassedTests + e2e.stats.expected;
const failed = unit.numFailedTests + e2e.stats.unexpected + e2e.stats.flaky;
console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed; end-to-end: ${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
