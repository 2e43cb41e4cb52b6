// The authenticator must not share code with the verifier it tests: no runtime import of @simplewebauthn/server and
// nothing from lib/webauthn, so a verifier bug cannot hide itself. Test-only helpers stay out of the runtime code.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = import.meta.dirname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "test-support" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("independence from the verifier", () => {
  const files = sourceFiles(root);

  it.each(files.map((file) => relative(root, file)))(
    "%s imports SimpleWebAuthn for types only, and nothing of lib/webauthn",
    (file) => {
      const imports = readFileSync(join(root, file), "utf8").match(/^import[\s\S]*?from\s+"[^"]+";/gm) ?? [];
      for (const statement of imports) {
        if (statement.includes('"@simplewebauthn/server"')) expect(statement).toMatch(/^import type /);
        expect(statement).not.toMatch(/lib\/webauthn|\.\.\/webauthn|test-support/);
      }
    },
  );
});
