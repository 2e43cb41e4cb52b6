import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The durability and scale-out suite (security bar G53–G58): real `next start` processes from an existing build
// (NEXT_DIST_DIR, default .next) on fresh libSQL files. It never builds; see durability/servers.ts.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // lib/ marks server modules with `import "server-only"`, which throws outside React Server Components.
      "server-only": fileURLToPath(new URL("./test/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["durability/**/*.test.ts"],
    // Each file in its own process (lib/env reads DATABASE_URL once), one file at a time: two cores, real servers.
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
