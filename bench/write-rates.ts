// The database ceiling: the statements a passkey sign-in writes, as drizzle generates them (checked against the
// statements recorded from lib/ in the same run), run as prepared statements on the raw libSQL binding, on a fresh
// file with the portal's settings (WAL, busy timeout, foreign keys; synchronous as the portal leaves it) and, for the
// durability proposal, with synchronous=NORMAL.
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
  insertTicket: `insert into "sign_in_tickets" ("token_hash", "user_id", "method", "expires_at", "consumed_at", "created_at") values (?, ?, ?, ?, null, (unixepoch('subsec') * 1000))`,
  redeemTicket: `update "sign_in_tickets" set "consumed_at" = ? where ("sign_in_tickets"."token_hash" = ? and "sign_in_tickets"."consumed_at" is null and "sign_in_tickets"."expires_at" > ?) returning "user_id"`,
} as const;

export type Synchronous = "FULL" | "NORMAL";

/** Opens `path` the way lib/db/client.ts opens a local file; `synchronous` left alone unless given. */
export function openLikePortal(path: string, synchronous?: Synchronous): RawDatabase {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  if (synchronous) db.exec(`PRAGMA synchronous = ${synchronous}`);
  return db;
}

export function settingsOf(db: RawDatabase) {
  const one = (pragma: string) => Object.values((db.pragma(pragma) as Record<string, unknown>[])[0] ?? {})[0];
  return { journalMode: String(one("journal_mode")), synchronous: Number(one("synchronous")), foreignKeys: Number(one("foreign_keys")) === 1 };
}

/** One account with one passkey, and `challenges` open sign-in challenges to consume. */
function seed(db: RawDatabase, challenges: number, prefix: string) {
  const userId = `${prefix}-user`;
  const passkeyId = randomBytes(32).toString("base64url");
  db.prepare(`insert into "users" ("id", "email", "webauthn_user_id", "sessions_valid_after") values (?, ?, ?, 0)`).run(userId, `${prefix}@bench.example`, `${prefix}-handle`);
  db.prepare(
    `insert into "passkeys" ("id", "user_id", "public_key", "counter", "transports", "aaguid", "backup_eligible", "backed_up", "attestation_format", "label", "created_with") values (?, ?, ?, 0, '["internal"]', '00000000-0000-0000-0000-000000000000', 0, 0, 'none', 'bench', 'bench')`,
  ).run(passkeyId, userId, randomBytes(77));
  const insert = db.prepare(SIGN_IN_WRITES.insertChallenge);
  const expires = Date.now() + 3_600_000;
  db.exec("BEGIN IMMEDIATE");
  for (let i = 0; i < challenges; i++) insert.run(`${prefix}-c${i}`, "sign-in", randomBytes(32).toString("base64url"), null, expires);
  db.exec("COMMIT");
  // Start the timed part with an empty WAL: the seeding's pages are not the sign-ins' checkpoint cost.
  db.pragma("wal_checkpoint(TRUNCATE)");
  return { userId, passkeyId };
}

type Writer = {
  writeSignIn: (i: number, challengeId?: string) => void;
  /** Proposal: options in one transaction (rate limit + challenge), verify in one (consume, counter, audit), no ticket. */
  proposedSignIn: (i: number) => void;
  /** The options step: the per-client rate-limit count (a new client each time), then the challenge. */
  startSignIn: (i: number) => string;
  redeem: (ticket: string) => void;
};

function preparedWriter(db: RawDatabase, prefix: string, prefilled: number): Writer {
  const { userId, passkeyId } = seed(db, prefilled, prefix);
  const statements = Object.fromEntries(Object.entries(SIGN_IN_WRITES).map(([name, sql]) => [name, db.prepare(sql)])) as {
    [name in keyof typeof SIGN_IN_WRITES]: Libsql.Statement<unknown[]>;
  };
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const detail = JSON.stringify({ label: "bench" });
  let counter = 0;
  return {
    startSignIn(i) {
      const now = Date.now();
      statements.countRateLimit.get(`sign-in-options:client:${prefix}-${i}`, now, 1, now - 60_000, now, now - 60_000);
      const id = `${prefix}-n${i}`;
      statements.insertChallenge.run(id, "sign-in", randomBytes(32).toString("base64url"), null, Date.now() + 300_000);
      return id;
    },
    writeSignIn(i, challengeId = `${prefix}-c${i}`) {
      const now = Date.now();
      begin.run();
      if (!statements.consumeChallenge.get(now, challengeId, now)) throw new Error("challenge not consumed");
      counter++;
      if (!statements.updateCounter.get(counter, 0, now, "Chrome 156 on Linux", passkeyId, counter, 0, counter)) throw new Error("counter not moved");
      statements.insertAuditEvent.run(`${prefix}-a${i}`, userId, "sign-in.passkey", "Chrome 156 on Linux", detail);
      statements.insertTicket.run(`${prefix}-t${i}`, userId, "passkey", now + 60_000);
      commit.run();
    },
    proposedSignIn(i) {
      const now = Date.now();
      const challengeId = `${prefix}-p${i}`;
      begin.run();
      statements.countRateLimit.get(`sign-in-options:client:${prefix}-${i}`, now, 1, now - 60_000, now, now - 60_000);
      statements.insertChallenge.run(challengeId, "sign-in", randomBytes(32).toString("base64url"), null, now + 300_000);
      commit.run();
      begin.run();
      if (!statements.consumeChallenge.get(now, challengeId, now)) throw new Error("challenge not consumed");
      counter++;
      if (!statements.updateCounter.get(counter, 0, now, "Chrome 156 on Linux", passkeyId, counter, 0, counter)) throw new Error("counter not moved");
      statements.insertAuditEvent.run(`${prefix}-a${i}`, userId, "sign-in.passkey", "Chrome 156 on Linux", detail);
      commit.run();
    },
    redeem(ticket) {
      const now = Date.now();
      if (!statements.redeemTicket.get(now, ticket, now)) throw new Error("ticket not redeemed");
    },
  };
}

/** The ceiling alone (verification + the sign-in transaction), on a fresh copy of the schema at `path`. */
export function signInCeiling(path: string, ms: number): Rate {
  const db = openLikePortal(path);
  try {
    const verifySignature = cachedKeyVerifier();
    const prefilled = Math.ceil((ms / 1000) * 500) * 50;
    const writer = preparedWriter(db, "ceiling", prefilled);
    let i = 0;
    return rateOf(() => {
      if (!verifySignature()) throw new Error("signature");
      writer.writeSignIn(i++);
    }, ms, prefilled);
  } finally {
    db.close();
  }
}

export type WriteCeilings = {
  settings: ReturnType<typeof settingsOf>;
  /** consume challenge + update counter + insert audit event + insert ticket, in one BEGIN IMMEDIATE transaction. */
  signInTransaction: Rate;
  /** …plus the options step's rate-limit count and challenge insert and the ticket redemption (each its own commit, as the sign-in runs them). */
  allSignInWrites: Rate;
  /** Verification with a cached key, then the transaction: the in-process ceiling of a sign-in. */
  verifyAndTransaction: Rate;
  verifyAndAllWrites: Rate;
  /** The proposal of docs/performance.md: the same checks in two commits (no ticket, options in one transaction). */
  verifyAndProposedWrites: Rate;
};

/** Write ceilings on `path` (a fresh copy of the migrated schema). */
export function writeCeilings(path: string, ms: number, synchronous?: Synchronous): WriteCeilings {
  const db = openLikePortal(path, synchronous);
  try {
    // Challenges for the transaction-only runs are inserted beforehand (not timed); the runs stop when they are spent
    // (room for 25k transactions a second, several times what this kind of machine does).
    const prefilled = Math.ceil((ms / 1000) * 500) * 50;
    const verifySignature = cachedKeyVerifier();
    const rows = (prefix: string, challenges = 0) => {
      const writer = preparedWriter(db, prefix, challenges);
      let i = 0;
      return { writer, next: () => i++ };
    };
    const tx = rows("tx", prefilled);
    const signInTransaction = rateOf(() => tx.writer.writeSignIn(tx.next()), ms, prefilled);
    const all = rows("all");
    const allSignInWrites = rateOf(() => {
      const i = all.next();
      all.writer.writeSignIn(i, all.writer.startSignIn(i));
      all.writer.redeem(`all-t${i}`);
    }, ms, prefilled);
    const verified = rows("vt", prefilled);
    const verifyAndTransaction = rateOf(() => {
      if (!verifySignature()) throw new Error("signature");
      verified.writer.writeSignIn(verified.next());
    }, ms, prefilled);
    const verifiedAll = rows("va");
    const verifyAndAllWrites = rateOf(() => {
      if (!verifySignature()) throw new Error("signature");
      const i = verifiedAll.next();
      verifiedAll.writer.writeSignIn(i, verifiedAll.writer.startSignIn(i));
      verifiedAll.writer.redeem(`va-t${i}`);
    }, ms, prefilled);
    const proposed = rows("pr");
    const verifyAndProposedWrites = rateOf(() => {
      if (!verifySignature()) throw new Error("signature");
      proposed.writer.proposedSignIn(proposed.next());
    }, ms, prefilled);
    return { settings: settingsOf(db), signInTransaction, allSignInWrites, verifyAndTransaction, verifyAndAllWrites, verifyAndProposedWrites };
  } finally {
    db.close();
  }
}
