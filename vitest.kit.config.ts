import { defineConfig } from "vitest/config";

// The kit as an outsider installs it (test/kit): packed, installed offline into a scratch project, run against a real
// server from an existing build (NEXT_DIST_DIR, default .next; see durability/servers.ts). It never builds the portal.
export default defineConfig({
  test: {
    include: ["test/kit/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
