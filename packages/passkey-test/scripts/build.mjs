// Builds dist/: the CLI and the two entry points as ES modules with the repository's own code (`@/…`) bundled in,
// third-party packages left as imports, and .d.ts files for the entry points. It fails when the bundle imports a
// package that package.json does not list (an outsider's install would miss it) or pulls in a `server-only` module
// (the portal's database and session layer, which the kit must never carry).
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.peerDependencies ?? {}),
]);

const refuseServerOnly = {
  name: "refuse-server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, (args) => ({
      errors: [{ text: `${args.importer} is a server-only module; the kit must not bundle it` }],
    }));
  },
};

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
const common = {
  absWorkingDir: packageDir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  outdir: "dist",
  alias: { "@": repoRoot },
  // Bare package names stay imports (they are the package's dependencies); `@/…` is resolved by the alias first.
  packages: "external",
  plugins: [refuseServerOnly],
  metafile: true,
  logLevel: "warning",
};
const results = await Promise.all([
  build({ ...common, entryPoints: ["src/cli.ts"], banner: { js: "#!/usr/bin/env node" } }),
  build({ ...common, entryPoints: ["src/index.ts", "src/playwright.ts"] }),
]);

const packageOf = (path) => (path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0]);
const imported = new Set(
  results.flatMap(({ metafile }) =>
    Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path)),
  ),
);
const undeclared = [...imported].filter(
  (path) => !path.startsWith("node:") && !builtinModules.includes(path) && !declared.has(packageOf(path)),
);
if (undeclared.length > 0)
  throw new Error(
    `dist imports packages package.json does not list: ${[...new Set(undeclared.map(packageOf))].join(", ")}`,
  );

execFileSync(
  process.execPath,
  [fileURLToPath(import.meta.resolve("typescript/bin/tsc")), "-p", "tsconfig.build.json"],
  { cwd: packageDir, stdio: "inherit" },
);
console.log(`built ${manifest.name}@${manifest.version} into dist/`);
