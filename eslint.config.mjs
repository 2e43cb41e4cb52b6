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
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
);
