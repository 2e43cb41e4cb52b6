// The suite is an outside client: it may use the software authenticator, but nothing of our verifier or server, so
// it judges any server the same way, ours included. runs/ is the portal's record of web runs (it needs the database):
// it may use the suite, but the suite never uses it. test-support/ serves our own relying party as a target for tests
// (its imports of app/ are the server under test, not the suite's), and nothing of the suite imports it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = import.meta.dirname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory())
      return path === join(root, "runs") || path === join(root, "test-support") ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("independence from the server under test", () => {
  it.each(sourceFiles(root).map((file) => relative(root, file)))(
    "%s imports nothing of lib/webauthn, lib/fido-server, lib/db or app",
    (file) => {
      const imports = readFileSync(join(root, file), "utf8").match(/^import[\s\S]*?from\s+"[^"]+";/gm) ?? [];
      for (const statement of imports) {
        expect(statement).not.toMatch(/"@\/(lib\/(webauthn|fido-server|db|auth)|app)\b/);
        expect(statement).not.toMatch(/(conformance|\.)\/(runs|test-support)\//);
        if (statement.includes('"@simplewebauthn/server')) expect(statement).toMatch(/^import type /);
      }
    },
  );
});
