// `@passkey-lab/kit`: what a team's passkey-lab.config.ts imports.
export { defineConfig } from "./config.js";
export type { PasskeyLabConfig, ProbeUser } from "./config.js";
