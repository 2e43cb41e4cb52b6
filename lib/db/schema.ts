import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { StoredCaseResult, SuiteSummary } from "@/lib/conformance-report-shapes";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  /** null once the person has gone passwordless. */
  passwordHash: text("password_hash"),
  /** WebAuthn user.id: 64 random bytes, base64url, no personal data (WebAuthn L3 §14.6.1). */
  webauthnUserId: text("webauthn_user_id").notNull().unique(),
  role: text("role", { enum: ["user", "support"] })
    .notNull()
    .default("user"),
  /** Sessions issued before this instant are dead (sign-out, password change, passkey removal). */
  sessionsValidAfter: integer("sessions_valid_after", { mode: "timestamp_ms" }).notNull(),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  /** Withdrawals are refused until this instant: 24 hours after a password reset (lib/auth/password-reset.ts). */
  withdrawalsHeldUntil: integer("withdrawals_held_until", { mode: "timestamp_ms" }),
  /** After a password + authenticator-code sign-in, ask the password manager for a passkey (conditional create). */
  automaticPasskeyUpgrade: integer("automatic_passkey_upgrade", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

export const totpFactors = sqliteTable("totp_factors", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** AES-256-GCM, key derived from AUTH_SECRET. */
  secretEncrypted: text("secret_encrypted").notNull(),
  /** null while the person is still confirming the set-up code. */
  enabledAt: integer("enabled_at", { mode: "timestamp_ms" }),
  /** The last accepted 30-second step: a code is accepted once (RFC 6238 §5.2). */
  lastUsedStep: integer("last_used_step").notNull().default(0),
  createdAt: createdAt(),
});

export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** base64url argon2id(code, salt); SHA-256(code) on rows made before salts (salt null). */
    codeHash: text("code_hash").notNull(),
    /** One random salt per set of codes (NIST SP 800-63B-4 §3.1.2.1); null on rows from before (docs/decisions/011). */
    salt: text("salt"),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const passkeys = sqliteTable(
  "passkeys",
  {
    /** base64url credential id; unique across all users (WebAuthn L3 §7.1 step 26). */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    publicKey: blob("public_key", { mode: "buffer" }).notNull(),
    counter: integer("counter").notNull(),
    transports: text("transports", { mode: "json" }).$type<string[]>().notNull(),
    aaguid: text("aaguid").notNull(),
    backupEligible: integer("backup_eligible", { mode: "boolean" }).notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull(),
    attestationFormat: text("attestation_format").notNull(),
    /**
     * The authenticator has verified the person (UV=1) at registration or at a later use. Sign-in requires UV
     * (decision 002), so a passkey without it cannot sign in and does not count as a way in (security bar F48).
     */
    userVerified: integer("user_verified", { mode: "boolean" }).notNull().default(false),
    label: text("label").notNull(),
    /**
     * What the browser said of the PRF extension when the passkey was made (WebAuthn L3 §10.1.4, `prf.enabled`); null
     * when it said nothing (a passkey made before this was kept, or a browser that tells only on use). A client's
     * word, unsigned: it decides which passkeys a note is offered to, nothing about who may sign in.
     */
    prfEnabled: integer("prf_enabled", { mode: "boolean" }),
    /** Made by the password manager right after a password sign-in (conditional create), not by the person's click. */
    addedAutomatically: integer("added_automatically", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    createdWith: text("created_with").notNull(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    lastUsedWith: text("last_used_with"),
  },
  (t) => [index("passkeys_user_idx").on(t.userId)],
);

export const challengePurposes = [
  "registration",
  // Conditional create right after a password + authenticator-code sign-in (lib/webauthn/automatic-registration.ts).
  "automatic-registration",
  "sign-in",
  "step-up",
  "totp-sign-in",
  "withdrawal",
  // The note only a passkey can open (lib/notes): sealing it and opening it are separate ceremonies.
  "note-seal",
  "note-open",
  // The FIDO2 Server Conformance Test API (app/fido), on its own users: see fidoUsers below.
  "fido-registration",
  "fido-authentication",
] as const;
export type ChallengePurpose = (typeof challengePurposes)[number];

/**
 * "A note only your passkey can open" (lib/notes; docs/decisions/024): one per account, sealed in the browser with a key
 * derived from one passkey's PRF output. The server holds only what cannot be read without that passkey: never the key,
 * never the text. Removing the passkey removes the note, which nothing else could open.
 */
export const passkeyNotes = sqliteTable("passkey_notes", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  passkeyId: text("passkey_id")
    .notNull()
    .references(() => passkeys.id, { onDelete: "cascade" }),
  /** The PRF evaluation input (WebAuthn L3 §10.1.4 `eval.first`), 32 random bytes chosen in the browser per sealing. */
  salt: blob("salt", { mode: "buffer" }).notNull(),
  /** AES-GCM's 12-byte nonce. */
  iv: blob("iv", { mode: "buffer" }).notNull(),
  /** AES-256-GCM ciphertext with its 16-byte tag. */
  ciphertext: blob("ciphertext", { mode: "buffer" }).notNull(),
  sealedAt: integer("sealed_at", { mode: "timestamp_ms" }).notNull(),
});

export const challenges = sqliteTable(
  "challenges",
  {
    id: text("id").primaryKey(),
    purpose: text("purpose", { enum: challengePurposes }).notNull(),
    /** base64url challenge sent to the browser; for totp-sign-in, a hash of the pending-sign-in token. */
    value: text("value").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The Auth.js session id the ceremony belongs to, when it starts inside a session. */
    sessionId: text("session_id"),
    /** SHA-256 of what the ceremony authorises (a withdrawal's amount, destination and nonce). */
    payloadHash: text("payload_hash"),
    /** The credential ids the options offered (allowCredentials); an assertion from any other is refused. */
    allowedCredentialIds: text("allowed_credential_ids", { mode: "json" }).$type<string[]>(),
    /** The conformance user a fido-* ceremony belongs to (the portal's purposes use userId). */
    fidoUserId: text("fido_user_id").references(() => fidoUsers.id, { onDelete: "cascade" }),
    /** The userVerification a fido-* ceremony's options asked for; "required" makes UV=0 a failure. */
    userVerification: text("user_verification", { enum: ["required", "preferred", "discouraged"] }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    consumedAt: integer("consumed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("challenges_expires_idx").on(t.expiresAt),
    // The conformance API finds its ceremony by the challenge in clientDataJSON (docs/decisions/006).
    index("challenges_value_idx").on(t.value),
  ],
);

/**
 * A browser that has signed in to an account (OWASP "device cookies"): named by a signed cookie, it keeps its own count
 * of failed attempts, so strangers' failures never lock it out and its own failures never lock out anyone else.
 */
export const trustedDevices = sqliteTable(
  "trusted_devices",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("trusted_devices_user_idx").on(t.userId)],
);

/** What a step-up grant may be spent on: the change the person was asked to confirm, and nothing else. */
export const stepUpPurposes = [
  "add-passkey",
  "remove-passkey",
  "remove-password",
  "recovery-codes",
  "support-console",
  // Granted by a password + authenticator-code sign-in, spent by one automatic passkey (conditional create).
  "automatic-passkey",
] as const;
export type StepUpPurpose = (typeof stepUpPurposes)[number];

/**
 * Proof of a fresh second check (TOTP or a user-verified passkey) inside one session, for one purpose: spent by one
 * sensitive action of that purpose, or (support-console) held for the console's visit.
 */
export const stepUpGrants = sqliteTable("step_up_grants", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  sessionId: text("session_id").notNull(),
  method: text("method", { enum: ["totp", "passkey", "recovery-code"] }).notNull(),
  // Rows from before purposes existed were dropped; the default, no purpose at all, only lets SQLite add the column.
  purpose: text("purpose", { enum: stepUpPurposes })
    .notNull()
    .default("unbound" as never),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  consumedAt: integer("consumed_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    /** "Chrome 156 on Linux" — never the raw User-Agent. */
    client: text("client").notNull(),
    /** Non-secret facts: a passkey label, a reason code. Never an OTP, challenge or token. */
    detail: text("detail", { mode: "json" }).$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_user_idx").on(t.userId, t.createdAt)],
);

/**
 * What the browser saw of a passkey request (lib/browser-events): enumerated values only, never text the caller wrote
 * or credential material. A signed-in person's events carry their account from the session; every event carries the
 * browser's id hash, so a signed-out attempt belongs to the browser only (docs/decisions/025). Kept 30 days.
 */
export const browserEvents = sqliteTable(
  "browser_events",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    browserHash: text("browser_hash").notNull(),
    ceremony: text("ceremony").notNull(),
    mediation: text("mediation").notNull(),
    outcome: text("outcome").notNull(),
    durationMs: integer("duration_ms").notNull(),
    wrapped: integer("wrapped", { mode: "boolean" }),
    capabilities: text("capabilities", { mode: "json" }).$type<Record<string, boolean | null>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("browser_events_user_idx").on(t.userId, t.createdAt),
    index("browser_events_browser_idx").on(t.browserHash, t.createdAt),
    index("browser_events_created_idx").on(t.createdAt),
  ],
);
export type BrowserEventRow = typeof browserEvents.$inferSelect;

/**
 * Failed sign-ins by callers who are not signed in, one row per account and hour (security bar 61): "14 failed sign-ins
 * from 3 addresses". A flood adds to a count instead of pushing security events out of the activity log, and only
 * enumerated reasons are kept (lib/auth/failed-sign-ins.ts), never text the caller wrote, never a challenge.
 */
export const failedSignIns = sqliteTable(
  "failed_sign_ins",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    hourStart: integer("hour_start", { mode: "timestamp_ms" }).notNull(),
    count: integer("count").notNull(),
    /** Reason → how many times, reasons from a fixed list. */
    reasons: text("reasons", { mode: "json" }).$type<Record<string, number>>().notNull(),
    /** Keyed hashes of the client addresses, at most 50: enough to count them, never the addresses themselves. */
    sources: text("sources", { mode: "json" }).$type<string[]>().notNull(),
    lastAt: integer("last_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.hourStart] }), index("failed_sign_ins_hour_idx").on(t.hourStart)],
);

/** The demo wallet: a balance in integer units (1 LAB = 10^8 units) and the ledger that explains it. */
export const wallets = sqliteTable("wallets", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  balance: integer("balance").notNull(),
  createdAt: createdAt(),
});

export const withdrawals = sqliteTable(
  "withdrawals",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    amount: integer("amount").notNull(),
    destination: text("destination").notNull(),
    /** The challenge that authorised it: one withdrawal per challenge, whatever is replayed. */
    challengeId: text("challenge_id").notNull().unique(),
    passkeyId: text("passkey_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("withdrawals_user_idx").on(t.userId, t.createdAt)],
);

export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Signed units: the opening grant is positive, a withdrawal negative. */
    amount: integer("amount").notNull(),
    kind: text("kind", { enum: ["opening", "withdrawal"] }).notNull(),
    withdrawalId: text("withdrawal_id").references(() => withdrawals.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("ledger_entries_user_idx").on(t.userId)],
);

/** A redacted troubleshooting report, opened by a short code read aloud over the phone; kept 30 days. */
export const troubleshootReports = sqliteTable(
  "troubleshoot_reports",
  {
    code: text("code").primaryKey(),
    /** The signed-in person who saved it, if any; support sees their account next to the report. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The saving browser's id hash (lib/browser-events/browser-id.ts): its last passkey requests show with the report. */
    browserHash: text("browser_hash"),
    content: text("content", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("troubleshoot_reports_expires_idx").on(t.expiresAt)],
);

/**
 * A troubleshooting live test: a throwaway credential on no account at all, so it can never sign anyone in. Deleted
 * when the test ends, or when it expires.
 */
export const liveTests = sqliteTable("live_tests", {
  id: text("id").primaryKey(),
  userHandle: text("user_handle").notNull(),
  challenge: text("challenge").notNull(),
  credentialId: text("credential_id"),
  publicKey: blob("public_key", { mode: "buffer" }),
  counter: integer("counter"),
  /** BE at registration: the sign-in half checks it did not change, as every relying party here does. */
  backupEligible: integer("backup_eligible", { mode: "boolean" }).notNull().default(false),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * The FIDO2 conformance relying party's users (app/fido): made by /attestation/options for any username, apart from
 * the portal's accounts, so a conformance run can never sign anyone into the portal.
 */
export const fidoUsers = sqliteTable("fido_users", {
  id: text("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** WebAuthn user.id: 64 random bytes, base64url (WebAuthn L3 §14.6.1). */
  webauthnUserId: text("webauthn_user_id").notNull().unique(),
  createdAt: createdAt(),
});

export const fidoCredentials = sqliteTable(
  "fido_credentials",
  {
    /** base64url credential id; unique across all conformance users (WebAuthn L3 §7.1 step 26). */
    id: text("id").primaryKey(),
    fidoUserId: text("fido_user_id")
      .notNull()
      .references(() => fidoUsers.id, { onDelete: "cascade" }),
    publicKey: blob("public_key", { mode: "buffer" }).notNull(),
    counter: integer("counter").notNull(),
    transports: text("transports", { mode: "json" }).$type<string[]>().notNull(),
    aaguid: text("aaguid").notNull(),
    backupEligible: integer("backup_eligible", { mode: "boolean" }).notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull(),
    attestationFormat: text("attestation_format").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("fido_credentials_user_idx").on(t.fidoUserId)],
);

/**
 * A sign-up waiting for its emailed code (security bar H62): the account is made only when the code comes back, so
 * sign-up answers alike for a new address and one that has an account. For the latter the owner gets a notice and
 * `codeHash` is the hash of a value never sent, so no code can complete it.
 */
export const signUpRequests = sqliteTable(
  "sign_up_requests",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the bearer token the browser holds between the two steps. */
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** HMAC-SHA-256 of the code, keyed by AUTH_SECRET and this row's id. */
    codeHash: text("code_hash").notNull(),
    /** Codes tried so far; past the limit the request is dead. */
    attempts: integer("attempts").notNull().default(0),
    /** Deleted when the code is accepted (which makes the account) or soon after it expires. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_up_requests_expires_idx").on(t.expiresAt)],
);

/**
 * A "Forgot password?" recovery in progress (lib/auth/password-reset.ts): the code mailed to the address, then the second
 * factor when the account has one, then a new password. Asked for an address with no account, it stores the hash of a
 * value never sent (userId null), so both kinds of request behave alike to the end.
 */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the bearer token the browser holds between the steps. */
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** HMAC-SHA-256 of the mailed code, keyed by AUTH_SECRET and this row's id. */
    codeHash: text("code_hash").notNull(),
    /** code → second-factor (accounts with 2FA) → new-password. */
    stage: text("stage", { enum: ["code", "second-factor", "new-password"] })
      .notNull()
      .default("code"),
    /** How the second factor was proven, for the activity log; null for an account without 2FA (decision 017). */
    secondFactor: text("second_factor", { enum: ["totp", "recovery-code"] }),
    /** Wrong codes (mailed or second factor) so far; past the limit the request is dead. */
    attempts: integer("attempts").notNull().default(0),
    /** Deleted when the password is set or, by the sweeper, soon after it expires. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_expires_idx").on(t.expiresAt), index("password_resets_user_idx").on(t.userId)],
);

/** Mail kept on this server when no SMTP server is configured (the demo and tests); deleted after 24 hours. */
export const outboxMails = sqliteTable(
  "outbox_mails",
  {
    id: text("id").primaryKey(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_mails_created_idx").on(t.createdAt),
    index("outbox_mails_recipient_idx").on(t.recipient, t.createdAt),
  ],
);

/** Fixed-window request counters, in the database so every instance counts the same requests (security bar E46). */
export const rateLimitBuckets = sqliteTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/**
 * A conformance-suite run started from /conformance (lib/conformance/runs): written when it starts and again when it
 * ends, so a run whose process died stays visible. Listed only to the browser that started it (`ownerHash`), opened by
 * anyone holding its unguessable id. `cases` is capped per exchange and per run, so a hostile target cannot fill the disk.
 */
export const conformanceRuns = sqliteTable(
  "conformance_runs",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the random cookie of the browser that started the run. */
    ownerHash: text("owner_hash").notNull(),
    target: text("target").notNull(),
    status: text("status", { enum: ["running", "finished", "stopped"] }).notNull(),
    /** Why a run ended before all its cases ran to their end (its time limit, an error in the runner). */
    stopReason: text("stop_reason"),
    total: integer("total").notNull(),
    /** The counts of runs stored before outcome classes (docs/decisions/016); later runs keep `summary` and leave these 0. */
    passed: integer("passed").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    /** The count of each outcome class (lib/conformance/summarize.ts); null for runs stored before the classes. */
    summary: text("summary", { mode: "json" }).$type<SuiteSummary>(),
    /** The case after which the target stopped answering, when it did. */
    crashedAfter: text("crashed_after"),
    /** Every case's result (lib/conformance/shown-result.ts); failed cases keep their exchanges. */
    cases: text("cases", { mode: "json" }).$type<StoredCaseResult[]>().notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("conformance_runs_owner_idx").on(t.ownerHash, t.startedAt),
    index("conformance_runs_started_idx").on(t.startedAt),
  ],
);

/**
 * The FIDO Metadata Service BLOB in use (lib/mds): one row, replaced only by a verified BLOB with a higher serial
 * number (FIDO MDS 3.0 §3.2). `entries` is the verified payload's entries array as the BLOB had it.
 */
export const mdsBlobs = sqliteTable("mds_blobs", {
  /** Always "current". */
  id: text("id").primaryKey(),
  /** The BLOB's serial number `no`: never goes backwards. */
  serial: integer("serial").notNull(),
  /** The BLOB's `nextUpdate` (YYYY-MM-DD): past it, pages say the metadata is out of date. */
  nextUpdate: text("next_update").notNull(),
  /**
   * SHA-256 (hex) of the root its chain ends at: FIDO's (lib/mds/fido-mds-root.ts) or a test service's (`--root`).
   * Serial numbers are compared only under the same root.
   */
  rootFingerprint: text("root_fingerprint").notNull(),
  /** Where it came from: the URL fetched, or `file:<name>` for `npm run mds:update -- --file`. */
  source: text("source").notNull(),
  entries: text("entries", { mode: "json" }).$type<unknown[]>().notNull(),
  storedAt: integer("stored_at", { mode: "timestamp_ms" }).notNull(),
});

export type User = typeof users.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
export type PasskeyNote = typeof passkeyNotes.$inferSelect;
export type TrustedDevice = typeof trustedDevices.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type FailedSignIns = typeof failedSignIns.$inferSelect;
export type FidoUser = typeof fidoUsers.$inferSelect;
export type FidoCredential = typeof fidoCredentials.$inferSelect;
export type ConformanceRun = typeof conformanceRuns.$inferSelect;
export type PasswordReset = typeof passwordResets.$inferSelect;
