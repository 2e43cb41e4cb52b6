// Preloaded into a server by bench/run.ts (NODE_OPTIONS="--import ./bench/driver-hooks.mjs") to look at or change
// what the server does on the libSQL binding that @libsql/client uses, without touching lib/:
// - BENCH_STATEMENT_COUNTS=FILE: count the statements prepared (@libsql/client prepares every statement anew, so that
//   is every statement run) and on how many connections; written to FILE as JSON four times a second.
// - BENCH_PRAGMAS="synchronous=FULL;…": run these PRAGMAs on every connection before its first statement, and put
//   these values in place of any the server sets itself (the durability experiment of docs/performance.md).
// - BENCH_CACHE_KEY_IMPORTS=1: cache WebCrypto public-key imports from JWK (what @simplewebauthn/server does for every
//   verification), keyed by the key itself (the key-import experiment).
// Plain JavaScript: it loads before Next.js, without tsx.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const countsFile = process.env.BENCH_STATEMENT_COUNTS;

if (process.env.BENCH_CACHE_KEY_IMPORTS === "1") {
  const subtle = globalThis.crypto.subtle;
  const importKey = subtle.importKey.bind(subtle);
  const imported = new Map();
  subtle.importKey = function (format, keyData, algorithm, extractable, usages) {
    if (format !== "jwk" || !Array.isArray(usages) || usages.join() !== "verify")
      return importKey(format, keyData, algorithm, extractable, usages);
    const id = JSON.stringify([keyData, algorithm, extractable]);
    let key = imported.get(id);
    if (!key) {
      key = importKey(format, keyData, algorithm, extractable, usages);
      imported.set(id, key);
      if (imported.size > 10_000) imported.delete(imported.keys().next().value);
    }
    return key;
  };
  console.error("driver-hooks: caching public-key imports");
}
const pragmas = (process.env.BENCH_PRAGMAS ?? "")
  .split(";")
  .map((pragma) => pragma.trim())
  .filter(Boolean);

if (countsFile || pragmas.length > 0) {
  const requireFromHere = createRequire(import.meta.url);
  const Database = createRequire(requireFromHere.resolve("@libsql/client"))("libsql");
  const prepare = Database.prototype.prepare;
  const connections = new WeakMap();
  const counts = { total: 0, connections: 0, bySql: {} };
  let changed = true;
  const overrides = pragmas.map((pragma) => {
    const [name, value] = pragma.split("=").map((part) => part.trim());
    return { pattern: new RegExp(`^\\s*PRAGMA\\s+${name}\\s*=`, "i"), statement: `PRAGMA ${name} = ${value}` };
  });
  Database.prototype.prepare = function (original) {
    const source = overrides.find((override) => override.pattern.test(original))?.statement ?? original;
    if (!connections.has(this)) {
      connections.set(this, ++counts.connections);
      for (const pragma of pragmas) this.exec(`PRAGMA ${pragma}`);
      if (pragmas.length > 0) {
        const read = (name) => Object.values(this.pragma(name)[0] ?? {})[0];
        const readBack = pragmas.map((pragma) => `${pragma.split("=")[0]}=${read(pragma.split("=")[0])}`);
        console.error(`driver-hooks: connection ${counts.connections}: ${readBack.join(", ")}`);
      }
    }
    if (countsFile) {
      counts.total++;
      counts.bySql[source] = (counts.bySql[source] ?? 0) + 1;
      changed = true;
    }
    return prepare.call(this, source);
  };
  if (countsFile) {
    setInterval(() => {
      if (!changed) return;
      changed = false;
      writeFileSync(countsFile, JSON.stringify(counts));
    }, 250).unref();
  }
}
