// The kit as a team installs it: `npm pack`ed, installed offline into a project in a temporary folder with nothing
// else from this repository, and run through its bin against the portal (`npm start` on the existing build).
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDatabase, removeDatabase } from "../../durability/database";
import { freePorts, originOf, startServer, stopAllServers } from "../../durability/servers";
import { packKit, ScratchProject, tarballFiles, type BinRun } from "./scratch-project";

const printed = (run: BinRun) =>
  `exit ${run.code}\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-4000)}`;

// A config and a spec as a team writes them, type-checked the strict way a Node ESM project resolves packages.
const TYPED_USE = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      strict: true,
      noEmit: true,
      types: ["node"],
    },
  }),
  "passkey-lab.config.ts": `import { defineConfig } from "@passkey-lab/kit";
export default defineConfig({
  baseURL: "http://localhost:3000",
  rpId: "localhost",
  register: async (page, user) => { await page.goto("/sign-up"); await page.getByLabel("Username").fill(user.username); },
  signIn: async (page) => { await page.goto("/sign-in"); },
  isSignedIn: async (page) => page.getByRole("button", { name: "Sign out" }).isVisible(),
});
`,
  "passkeys.spec.ts": `import { expect, test, type StoredCredential } from "@passkey-lab/kit/playwright";
test("a seeded passkey", async ({ authenticator, virtualAuthenticator }) => {
  const seeded: StoredCredential = await authenticator.seed("localhost");
  expect(await authenticator.counter(seeded.id)).toBe(0);
  authenticator.cancelNextCeremony();
  const key = await virtualAuthenticator("securityKeyWithoutPin");
  expect(await key.credentials()).toEqual([]);
});
`,
};

let tarball: string;
let project: ScratchProject;
const database = newDatabase();

beforeAll(async () => {
  tarball = await packKit();
  project = await ScratchProject.create(tarball, { files: TYPED_USE, devDependencies: ["typescript", "@types/node"] });
});
afterAll(async () => {
  await stopAllServers();
  project?.remove();
  if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
  removeDatabase(database);
});

describe("the packed kit", () => {
  it("holds only dist/, its README, its licence and package.json", async () => {
    const files = await tarballFiles(tarball);
    expect(files.filter((path) => !/^(dist\/.+|README\.md|LICENSE|package\.json)$/.test(path))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        "dist/cli.js",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/playwright.js",
        "dist/playwright.d.ts",
        "README.md",
        "LICENSE",
      ]),
    );
  });

  it("installs offline into a scratch project, whose `npx passkey-lab --help` lists both subcommands", async () => {
    const run = await project.runBin("passkey-lab", ["--help"]);
    expect(run.code, printed(run)).toBe(0);
    expect(run.stdout).toMatch(/^ {2}probe {2,}\S/m);
    expect(run.stdout).toMatch(/^ {2}conformance {2,}\S/m);
  });

  it("exports defineConfig, and the Playwright test with its passkey fixtures, to the scratch project's code", async () => {
    const script = [
      'const kit = await import("@passkey-lab/kit");',
      'const fixtures = await import("@passkey-lab/kit/playwright");',
      "console.log(JSON.stringify({ defineConfig: typeof kit.defineConfig, test: typeof fixtures.test?.extend, expect: typeof fixtures.expect, kinds: Object.keys(fixtures.authenticatorKinds) }));",
    ].join("\n");
    const run = await project.runBin("node", ["--input-type=module", "-e", script]);
    expect(run.code, printed(run)).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      defineConfig: "function",
      test: "function",
      expect: "function",
      kinds: [
        "platform",
        "platformBackedUp",
        "platformBackupEligible",
        "securityKey",
        "securityKeyWithoutPin",
        "u2f",
        "uvFails",
        "noResidentKeys",
      ],
    });
  });

  it("type-checks a config and a spec that use it, under nodenext resolution", async () => {
    const run = await project.runBin("tsc", ["-p", "."]);
    expect(run.code, printed(run)).toBe(0);
  });

  it("exits 2 with the list of subcommands on an unknown one", async () => {
    const run = await project.runBin("passkey-lab", ["conformanse"]);
    expect(run.code, printed(run)).toBe(2);
    expect(run.stderr).toContain('Unknown subcommand "conformanse"');
    expect(run.stderr).toMatch(/^ {2}conformance {2,}\S/m);
  });

  it("runs `passkey-lab conformance` against the portal's /fido: exit 0, nothing failed", async () => {
    const metadataDir = join(database.dir, "fido-metadata");
    mkdirSync(metadataDir, { recursive: true });
    const [port] = await freePorts(1);
    const server = await startServer({
      port,
      databaseUrl: database.url,
      authSecret: database.authSecret,
      origins: [originOf(port)],
      // The server reads the suite's per-run attestation root from its metadata folder (docs/decisions/006).
      env: { FIDO_CONFORMANCE_API: "on", FIDO_METADATA_DIR: metadataDir },
    });

    const run = await project.runBin("passkey-lab", [
      "conformance",
      "--target",
      `${server.url}/fido`,
      "--metadata-dir",
      metadataDir,
      "--concurrency",
      "4",
    ]);

    expect(run.code, printed(run)).toBe(0);
    const summary = run.stdout.match(
      /: (\d+) cases in [\d.]+ s: pass (\d+) · fail (\d+) · deviation (\d+) · target-error (\d+)/,
    );
    expect(summary, printed(run)).not.toBeNull();
    const [, total, pass, fail, deviation, targetError] = summary!.map(Number);
    expect({ fail, deviation, targetError }).toEqual({ fail: 0, deviation: 0, targetError: 0 });
    expect(pass).toBeGreaterThan(200);
    expect(total).toBeGreaterThanOrEqual(pass);
  });
});
