import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // lib/ marks server modules with `import "server-only"`, which throws outside React Server Components.
      "server-only": fileURLToPath(new URL("./test/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "examples/**/*.test.ts"],
    setupFiles: ["./test/database.ts"],
    // Each file gets its own real libSQL database file (see test/database.ts).
    pool: "forks",
    // Vitest's default leaves one core free, which on CI's two cores runs the files one at a time; much of each file's
    // time is waiting on its database file, so two at a time is about a third faster there (150 s → 101 s).
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
  },
});
