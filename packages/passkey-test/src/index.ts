// `@passkey-lab/kit`: what a team's passkey-lab.config.ts imports.
export { defineConfig } from "./config";
export type { PasskeyLabConfig, ProbeUser } from "./config";
