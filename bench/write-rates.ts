// The database ceiling: the statements a passkey sign-in writes, as drizzle generates them (checked against the
// statements recorded from lib/ in the same run), run as prepared statements on the raw libSQL binding, on a fresh
// file with the portal's settings (WAL, busy timeout, foreign keys, synchronous=NORMAL: decision 007).
import { randomBytes } from "node:crypto";
import { cachedKeyVerifier, rateOf, type Rate } from "./verify-rates";
import type Libsql from "libsql";
import { Database, type RawDatabase } from "./raw-sqlite";

/** lib/db/client.ts BUSY_TIMEOUT_MS. */
const BUSY_TIMEOUT_MS = 5_000;

export const SIGN_IN_WRITES = {
  countRateLimit: `insert into "rate_limit_buckets" ("key", "window_start", "count") values (?, ?, ?) on conflict ("rate_limit_buckets"."key") do update set "window_start" = case when "rate_limit_buckets"."window_start" <= ? then ? else "rate_limit_buckets"."window_start" end, "count" = case when "rate_limit_buckets"."window_start" <= ? then 1 else "rate_limit_buckets"."count" + 1 end returning "count"`,
  insertChallenge: `insert into "challenges" ("id", "purpose", "value", "user_id", "session_id", "payload_hash", "fido_user_id", "user_verification", "expires_at", "consumed_at", "created_at") values (?, ?, ?, ?, null, null, null, null, ?, null, (unixepoch('subsec') * 1000))`,
  consumeChallenge: `update "challenges" set "consumed_at" = ? where ("challenges"."id" = ? and "challenges"."consumed_at" is null and "challenges"."expires_at" > ?) returning "id"`,
  updateCounter: `update "passkeys" set "counter" = ?, "backed_up" = ?, "last_used_at" = ?, "last_used_with" = ? where ("passkeys"."id" = ? and ("passkeys"."counter" < ? or ("passkeys"."counter" = ? and ? = 0))) returning "id"`,
  insertAuditEvent: `insert into "audit_events" ("id", "user_id", "type", "client", "detail", "created_at") values (?, ?, ?, ?, ?, (unixepoch('subsec') * 1000))`,
} as const;

/** Opens `path` the way lib/db/client.ts opens a local file. */
function openLikePortal(path: string): RawDatabase {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = NORMAL");
  return db;
}

/** One account with one passkey, and `challenges` open sign-in challenges to consume. */
function seed(db: RawDatabase, challenges: number, prefix: string) {
  const userId = `${prefix}-user`;
  const passkeyId = randomBytes(32).toString("base64url");
  db.prepare(`insert into "users" ("id", "email", "webauthn_user_id", "sessions_valid_after") values (?, ?, ?, 0)`).run(
    userId,
    `${prefix}@bench.example`,
    `${prefix}-handle`,
  );
  db.prepare(
    `insert into "passkeys" ("id", "user_id", "public_key", "counter", "transports", "aaguid", "backup_eligible", "backed_up", "attestation_format", "label", "created_with") values (?, ?, ?, 0, '["internal"]', '00000000-0000-0000-0000-000000000000', 0, 0, 'none', 'bench', 'bench')`,
  ).run(passkeyId, userId, randomBytes(77));
  const insert = db.prepare(SIGN_IN_WRITES.insertChallenge);
  const expires = Date.now() + 3_600_000;
  db.exec("BEGIN IMMEDIATE");
  for (let i = 0; i < challenges; i++)
    insert.run(`${prefix}-c${i}`, "sign-in", randomBytes(32).toString("base64url"), null, expires);
  db.exec("COMMIT");
  // Start the timed part with an empty WAL: the seeding's pages are not the sign-ins' checkpoint cost.
  db.pragma("wal_checkpoint(TRUNCATE)");
  return { userId, passkeyId };
}

type Writer = {
  /** The verify step's transaction: consume the challenge, move the counter, the audit event (one commit). */
  writeSignIn: (i: number, challengeId?: string) => void;
  /** The options step's transaction: the per-client rate-limit count (a new client each time) and the challenge. */
  startSignIn: (i: number) => string;
};

function preparedWriter(db: RawDatabase, prefix: string, prefilled: number): Writer {
  const { userId, passkeyId } = seed(db, prefilled, prefix);
  const statements = Object.fromEntries(
    Object.entries(SIGN_IN_WRITES).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as {
    [name in keyof typeof SIGN_IN_WRITES]: Libsql.Statement<unknown[]>;
  };
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const detail = JSON.stringify({ label: "bench" });
  let counter = 0;
  return {
    startSignIn(i) {
      const now = Date.now();
      const id = `${prefix}-n${i}`;
      begin.run();
      statements.countRateLimit.get(`sign-in-options:client:${prefix}-${i}`, now, 1, now - 60_000, now, now - 60_000);
      statements.insertChallenge.run(id, "sign-in", randomBytes(32).toString("base64url"), null, now + 300_000);
      commit.run();
      return id;
    },
    writeSignIn(i, challengeId = `${prefix}-c${i}`) {
      const now = Date.now();
      begin.run();
      if (!statements.consumeChallenge.get(now, challengeId, now)) throw new Error("challenge not consumed");
      counter++;
      if (!statements.updateCounter.get(counter, 0, now, "Chrome 156 on Linux", passkeyId, counter, 0, counter))
        throw new Error("counter not moved");
      statements.insertAuditEvent.run(`${prefix}-a${i}`, userId, "sign-in.passkey", "Chrome 156 on Linux", detail);
      commit.run();
    },
  };
}

/**
 * The ceiling alone: verification with a cached key and every write of one sign-in (the options transaction, then the
 * verify transaction), on a fresh copy of the schema at `path` with the portal's settings.
 */
export function signInCeiling(path: string, ms: number): Rate {
  const db = openLikePortal(path);
  try {
    const verifySignature = cachedKeyVerifier();
    const writer = preparedWriter(db, "ceiling", 0);
    let i = 0;
    return rateOf(() => {
      const n = i++;
      const challengeId = writer.startSignIn(n);
      if (!verifySignature()) throw new Error("signature");
      writer.writeSignIn(n, challengeId);
    }, ms);
  } finally {
    db.close();
  }
}
