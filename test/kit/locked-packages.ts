// The part of a package-lock.json that a set of packages needs: each of them and everything it depends on, at the
// paths the lockfile has them (so nested copies stay nested), marked as a production install of their own.
import { readFileSync } from "node:fs";

type LockedPackage = {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
  [field: string]: unknown;
};

/** Where node would find `name` from the package at `from` ("" for the project): the nearest node_modules up the tree. */
function resolveFrom(packages: Record<string, LockedPackage>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules/")))) {
    const path = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[path] && !packages[path].link) return path;
    if (!dir) return undefined;
  }
}

export function lockedPackages(lockfilePath: string, roots: string[]): Record<string, LockedPackage> {
  const { packages } = JSON.parse(readFileSync(lockfilePath, "utf8")) as { packages: Record<string, LockedPackage> };
  const chosen: Record<string, LockedPackage> = {};
  const visit = (from: string, name: string, optional: boolean) => {
    const path = resolveFrom(packages, from, name);
    if (!path) {
      if (optional) return;
      throw new Error(`${lockfilePath} has no ${name} for ${from || "the project"}`);
    }
    if (chosen[path]) return;
    // A scratch project installs them as its own dependencies: drop the flags the repository's lockfile gave them.
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...locked } = packages[path];
    chosen[path] = locked;
    for (const dependency of Object.keys(locked.dependencies ?? {})) visit(path, dependency, false);
    for (const dependency of Object.keys(locked.optionalDependencies ?? {})) visit(path, dependency, true);
    for (const [dependency] of Object.entries(locked.peerDependencies ?? {}).filter(
      ([peerName]) => !locked.peerDependenciesMeta?.[peerName]?.optional,
    ))
      visit(path, dependency, false);
  };
  for (const root of roots) visit("", root, false);
  return chosen;
}
