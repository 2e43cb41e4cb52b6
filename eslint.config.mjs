// ESLint for the whole tree (npm run lint, part of npm test): typescript-eslint's recommended rules, Next.js's own and
// no import cycles, type-only ones included. Unused exports and files are knip's job (knip.json), formatting Prettier's.
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next*/",
      "packages/*/dist/",
      "drizzle/",
      "test-results/",
      "bench/results/",
      "data/",
      ".e2e-data*/",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
  },
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: {
      // A cycle through types alone still ties two modules into one: none, whatever the imports carry.
      "import-x/no-cycle": ["error", { allowUnsafeDynamicCyclicDependency: false }],
    },
  },
  {
    // On every page's module graph: next/link there puts its router chunk (≈ 3 kB gzip) on every page, over the
    // first-load JS budget, and prefetches while the page hydrates (docs/performance.md, first-load JS and wizard).
    files: ["app/layout.tsx", "app/not-found.tsx", "app/error.tsx", "components/site-header.tsx"],
    rules: {
      // The rule wants next/link for "/"; here a plain link is the point.
      "@next/next/no-html-link-for-pages": "off",
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Use a plain <a>: these modules are on every page." }] },
      ],
    },
  },
  {
    // The benchmark runs with the react-server condition (lib/ marks server modules `server-only`), where next-intl's
    // main entry cannot load; it loads test/'s helpers (accounts, the portal client) too.
    files: ["bench/**/*.ts", "test/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next-intl",
              message: "Not under the react-server condition the benchmark runs with: pass plain words instead.",
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
);
