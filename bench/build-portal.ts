// Builds the portal into .next-bench (never .next: the end-to-end tests own it). `next build` adds .next-bench to
// tsconfig.json's include (reformatting the file) and points next-env.d.ts at it; both edits are taken back, leaving
// any other change to those files (another engineer's build, say) alone.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { startGroup } from "./processes";

export const DIST_DIR = ".next-bench";

const SOURCES = [
  "app",
  "lib",
  "components",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
];
const TOUCHED_BY_BUILD = ["tsconfig.json", "next-env.d.ts"];

function newestMtime(path: string, depth = 0): number {
  if (!existsSync(path) || depth > 12) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry), depth + 1)));
}

/** Records how .next-bench was built (e.g. --no-mangling for readable profiles), so a build of another kind is redone. */
const FLAGS_FILE = "BENCH_BUILD_FLAGS";

/** True when .next-bench holds a build with these flags, newer than every source file. */
export function buildIsFresh(root: string, flags: string[] = []): boolean {
  const buildId = join(root, DIST_DIR, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const flagsFile = join(root, DIST_DIR, FLAGS_FILE);
  if ((existsSync(flagsFile) ? readFileSync(flagsFile, "utf8") : "") !== flags.join(" ")) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(root, source)) < builtAt);
}

export type BuildInfo = { built: boolean; ms: number; log: string | null };

/** `flags`: extra `next build` flags; --no-mangling keeps function names for CPU profiles (--profile). */
export async function buildPortal(
  root: string,
  logFile: string,
  reuseWhenFresh: boolean,
  flags: string[] = [],
): Promise<BuildInfo> {
  if (reuseWhenFresh && buildIsFresh(root, flags)) return { built: false, ms: 0, log: null };
  const saved = new Map(
    TOUCHED_BY_BUILD.filter((file) => existsSync(join(root, file))).map((file) => [
      file,
      readFileSync(join(root, file), "utf8"),
    ]),
  );
  const started = performance.now();
  const build = startGroup("npx", ["next", "build", ...flags], {
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    logFile,
  });
  try {
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 10 * 60_000);
      build.child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code !== 0) {
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
      throw new Error(`next build ${code === null ? "timed out" : `failed (exit ${code})`}:\n${tail}`);
    }
    writeFileSync(join(root, DIST_DIR, FLAGS_FILE), flags.join(" "));
    return { built: true, ms: Math.round(performance.now() - started), log: logFile };
  } finally {
    await build.stop();
    takeBackBuildEdits(root, saved);
  }
}

const mentionsDistDir = (text: string) => text.includes(`${DIST_DIR}/`);

function takeBackBuildEdits(root: string, saved: Map<string, string>) {
  const tsconfigPath = join(root, "tsconfig.json");
  const tsconfigBefore = saved.get("tsconfig.json");
  const tsconfig = existsSync(tsconfigPath) ? readFileSync(tsconfigPath, "utf8") : undefined;
  if (
    tsconfig !== undefined &&
    tsconfigBefore !== undefined &&
    mentionsDistDir(tsconfig) &&
    !mentionsDistDir(tsconfigBefore)
  ) {
    try {
      const parsed = JSON.parse(tsconfig) as { include?: string[] };
      parsed.include = parsed.include?.filter((pattern) => !pattern.startsWith(`${DIST_DIR}/`));
      const unchangedOtherwise = isDeepStrictEqual(parsed, JSON.parse(tsconfigBefore));
      writeFileSync(tsconfigPath, unchangedOtherwise ? tsconfigBefore : `${JSON.stringify(parsed, null, 2)}\n`);
    } catch {
      writeFileSync(tsconfigPath, tsconfigBefore);
    }
  }
  const nextEnvPath = join(root, "next-env.d.ts");
  const nextEnvBefore = saved.get("next-env.d.ts");
  const nextEnv = existsSync(nextEnvPath) ? readFileSync(nextEnvPath, "utf8") : undefined;
  if (nextEnv !== undefined && mentionsDistDir(nextEnv)) {
    writeFileSync(
      nextEnvPath,
      nextEnvBefore !== undefined && !mentionsDistDir(nextEnvBefore)
        ? nextEnvBefore
        : nextEnv.replaceAll(`./${DIST_DIR}/`, "./.next/"),
    );
  }
}
