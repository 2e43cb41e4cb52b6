// The native libSQL binding that @libsql/client itself loads (resolved from the client, so always the same build):
// for the prepared-statement ceiling, and for counting the statements lib/ runs per sign-in.
import { createRequire } from "node:module";
import type Libsql from "libsql";

type DatabaseClass = new (path: string, options?: { timeout?: number }) => Libsql.Database;

const requireFromHere = createRequire(import.meta.url);
const requireFromClient = createRequire(requireFromHere.resolve("@libsql/client"));

export const Database = requireFromClient("libsql") as DatabaseClass;
export type RawDatabase = Libsql.Database;

export type StatementLog = { sql: string; connection: number }[];

/**
 * Records every statement prepared on any connection from now on (@libsql/client prepares each statement anew, so
 * this is every statement run). Returns the log and a function that stops recording.
 */
export function recordStatements(): { log: StatementLog; stop: () => void } {
  const prototype = (Database as unknown as { prototype: RawDatabase }).prototype;
  const original = prototype.prepare;
  const connections = new WeakMap<object, number>();
  let nextConnection = 1;
  const log: StatementLog = [];
  prototype.prepare = function (this: RawDatabase, source: string) {
    if (!connections.has(this)) connections.set(this, nextConnection++);
    log.push({ sql: source, connection: connections.get(this)! });
    return original.call(this, source);
  } as typeof original;
  return { log, stop: () => void (prototype.prepare = original) };
}

/** "insert into audit_events", "update passkeys", "begin immediate", … — a statement's verb and table. */
export function statementKind(sql: string): string {
  const text = sql.trim().replace(/\s+/g, " ").replace(/"/g, "").toLowerCase();
  const table = text.match(/^(?:insert into|update|delete from) (\w+)/)?.[1] ?? text.match(/ from (\w+)/)?.[1];
  const verb = text.split(" ")[0];
  if (["begin", "commit", "rollback", "pragma"].includes(verb)) return text.split(" ").slice(0, 2).join(" ");
  return table ? `${verb} ${table}` : verb;
}

export type StatementCount = {
  total: number;
  reads: number;
  writes: number;
  /** Commits: transactions plus writes outside one (each its own commit; one fsync each with WAL + synchronous=FULL). */
  commits: number;
  connections: number;
  kinds: Record<string, number>;
  statements: string[];
};

/** Writes outside BEGIN…COMMIT: each is a commit of its own. */
function autocommitWrites(statements: string[]): number {
  let inside = false;
  let count = 0;
  for (const sql of statements) {
    if (/^\s*begin/i.test(sql)) inside = true;
    else if (/^\s*(commit|rollback)/i.test(sql)) inside = false;
    else if (!inside && /^\s*(insert|update|delete)/i.test(sql)) count++;
  }
  return count;
}

export function countStatements(log: StatementLog): StatementCount {
  const kinds: Record<string, number> = {};
  for (const { sql } of log) kinds[statementKind(sql)] = (kinds[statementKind(sql)] ?? 0) + 1;
  const sqls = log.map(({ sql }) => sql);
  return {
    total: log.length,
    reads: sqls.filter((sql) => /^\s*select/i.test(sql)).length,
    writes: sqls.filter((sql) => /^\s*(insert|update|delete)/i.test(sql)).length,
    commits: sqls.filter((sql) => /^\s*commit/i.test(sql)).length + autocommitWrites(sqls),
    connections: new Set(log.map(({ connection }) => connection)).size,
    kinds,
    statements: sqls,
  };
}
