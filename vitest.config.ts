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
    include: ["lib/**/*.test.ts", "examples/**/*.test.ts"],
    setupFiles: ["./test/database.ts"],
    // Each file gets its own real libSQL database file (see test/database.ts).
    pool: "forks",
    testTimeout: 20_000,
  },
});
