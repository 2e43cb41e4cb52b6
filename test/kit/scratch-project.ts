// A project in a temporary folder that installs the kit as an outsider does: from the tarball `npm pack` made, with
// nothing else from this repository. The install is offline (`npm ci --offline`): every package comes from npm's
// cache, by the integrity this repository's package-lock.json records, so it works on a fresh CI machine right after
// `npm ci`. (`npm install --offline <name>` would not: it needs the registry's package documents, which `npm ci`
// does not keep.)
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { lockedPackages } from "./locked-packages";

const run = promisify(execFile);
export const REPO_ROOT = new URL("../..", import.meta.url).pathname;
const KIT_DIR = join(REPO_ROOT, "packages/passkey-test");

export type BinRun = { code: number; stdout: string; stderr: string };

/** Builds the kit and packs it into a temporary folder of its own (remove it with `rm -r dirname(tarball)`); answers the tarball's path. */
export async function packKit(): Promise<string> {
  await run("npm", ["run", "build"], { cwd: KIT_DIR });
  const destination = mkdtempSync(join(tmpdir(), "passkey-lab-kit-pack-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", destination], { cwd: KIT_DIR });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return join(destination, filename);
}

/** The paths inside a tarball, without npm's `package/` prefix. */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run("tar", ["-tzf", tarball]);
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ""));
}

export class ScratchProject {
  private constructor(readonly dir: string) {}

  /**
   * A project with the kit from `tarball` and `@playwright/test` installed offline, plus `devDependencies` (names of
   * packages this repository has, e.g. typescript), each at the version this repository uses. `files` are written into
   * it first (e.g. passkey-lab.config.ts).
   */
  static async create(
    tarball: string,
    { files = {}, devDependencies = [] }: { files?: Record<string, string>; devDependencies?: string[] } = {},
  ): Promise<ScratchProject> {
    const dir = mkdtempSync(join(tmpdir(), "passkey-lab-scratch-"));
    const localTarball = basename(tarball);
    copyFileSync(tarball, join(dir, localTarball));
    const kit = JSON.parse(readFileSync(join(KIT_DIR, "package.json"), "utf8")) as KitManifest;
    const dependencies = { [kit.name]: `file:${localTarball}`, "@playwright/test": repoVersionOf("@playwright/test") };
    const manifest = {
      name: "passkey-lab-scratch",
      version: "1.0.0",
      private: true,
      type: "module",
      dependencies,
      devDependencies: Object.fromEntries(devDependencies.map((name) => [name, repoVersionOf(name)])),
    };
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    writeFileSync(
      join(dir, "package-lock.json"),
      JSON.stringify(lockfileFor(manifest, kit, localTarball, join(dir, localTarball)), null, 2),
    );
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    try {
      await run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], { cwd: dir });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return new ScratchProject(dir);
  }

  /** `npx <bin> …args` in the project, offline (with `env` added); answers the exit code and the output, whatever the code. */
  runBin(
    bin: string,
    args: string[],
    { timeoutMs = 120_000, env = {} }: { timeoutMs?: number; env?: Record<string, string> } = {},
  ): Promise<BinRun> {
    return new Promise((resolve, reject) => {
      const child = spawn("npx", ["--offline", bin, ...args], {
        cwd: this.dir,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(
          new Error(
            `npx ${bin} ${args.join(" ")} still running after ${timeoutMs} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
          ),
        );
      }, timeoutMs);
      child.once("error", reject);
      child.once("close", (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

type KitManifest = {
  name: string;
  version: string;
  license: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
};

function repoVersionOf(name: string): string {
  return (
    JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }
  ).version;
}

/** The scratch project's package-lock.json: the kit's tarball, and the packages it needs as this repository locks them. */
function lockfileFor(
  manifest: {
    name: string;
    version: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  },
  kit: KitManifest,
  localTarball: string,
  tarballPath: string,
) {
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarballPath)).digest("base64")}`;
  const { name, version, license, dependencies, peerDependencies, bin, engines } = kit;
  return {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": {
        name: manifest.name,
        version: manifest.version,
        dependencies: manifest.dependencies,
        devDependencies: manifest.devDependencies,
      },
      [`node_modules/${name}`]: {
        version,
        resolved: `file:${localTarball}`,
        integrity,
        license,
        dependencies,
        peerDependencies,
        bin,
        engines,
      },
      ...lockedPackages(join(REPO_ROOT, "package-lock.json"), [
        ...Object.keys(dependencies),
        ...Object.keys(peerDependencies),
        ...Object.keys(manifest.devDependencies),
      ]),
    },
  };
}
