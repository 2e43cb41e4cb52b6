// Request limits kept in the database (security bar E46): every instance counts the same requests, and a restart
// forgets nothing. Fixed windows, one statement per request.
import { lt, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { rateLimitBuckets } from "@/lib/db/schema";
import { fail, type Failure } from "@/lib/result";

export type Limit = { name: string; max: number; windowMs: number };

/** Generous for people, tight enough to stop floods: a person never meets these. */
export const limits = {
  signInOptionsPerClient: { name: "sign-in-options:client", max: 120, windowMs: 60_000 },
  signInOptionsPerAccount: { name: "sign-in-options:account", max: 60, windowMs: 60_000 },
  // Every caller together (security bar 60): each sign-in option stores a challenge row until it expires, and per-client
  // limits multiply by the number of addresses a flooder has. 3000 a minute (SIGN_IN_OPTIONS_PER_MINUTE) is 50 sign-ins
  // a second, far above this portal's load; with the sweeper deleting rows once they expire, at most ≈ 3000 × (5 + 1)
  // open sign-in challenges (a few MB) can exist at once (docs/decisions/012).
  signInOptionsOverall: { name: "sign-in-options:all", max: env.SIGN_IN_OPTIONS_PER_MINUTE, windowMs: 60_000 },
  passwordPerClient: { name: "password:client", max: 60, windowMs: 60_000 },
  // Codes (TOTP or recovery code) come after a right password or inside a session, a few per person at most: half the
  // password budget still serves many people behind one address. Per account, lib/auth/lockout.ts stops a guesser
  // after 10 wrong codes; these stop one client spraying codes over many accounts.
  secondFactorPerClient: { name: "second-factor:client", max: 30, windowMs: 60_000 },
  totpStepUpPerClient: { name: "totp-step-up:client", max: 30, windowMs: 60_000 },
  // Step-up, add-a-passkey and withdrawal options need a session, and a person starts a few a minute; the same budget
  // as sign-in options per client keeps one session from filling the challenges table.
  ceremonyOptionsPerAccount: { name: "ceremony-options:account", max: 120, windowMs: 60_000 },
  signUpPerClient: { name: "sign-up:client", max: 30, windowMs: 60 * 60_000 },
  // Every caller together (security bar 60): a sign-up request lives 15 minutes, so at most ≈ 300 × 15 exist at once,
  // and no more mail goes out than that.
  signUpOverall: { name: "sign-up:all", max: 300, windowMs: 60_000 },
  // A sign-up code has 10^6 values and 5 tries per request; these bound one client's guessing over many requests.
  signUpCodePerClient: { name: "sign-up-code:client", max: 30, windowMs: 60_000 },
  // Mail to one address (codes or notices), whoever asks: nobody can flood an inbox through the sign-up form.
  signUpMailPerAddress: { name: "sign-up-mail:address", max: 5, windowMs: 60 * 60_000 },
  // "Forgot password?": requests per client, and for everyone together (security bar 60: a request lives 15 minutes,
  // so at most ≈ 300 × 16 exist at once); mail per address, whoever asks, so nobody floods an inbox or guesses codes
  // over many requests for one account; codes (mailed, second factor, new password) per client.
  passwordResetPerClient: { name: "password-reset:client", max: 30, windowMs: 60 * 60_000 },
  passwordResetOverall: { name: "password-reset:all", max: 300, windowMs: 60_000 },
  passwordResetMailPerAddress: { name: "password-reset-mail:address", max: 5, windowMs: 60 * 60_000 },
  passwordResetCodePerClient: { name: "password-reset-code:client", max: 30, windowMs: 60_000 },
  liveTestPerClient: { name: "live-test:client", max: 30, windowMs: 60_000 },
  // Every caller together (security bar 60): a live test's row lives 15 minutes, so at most ≈ 600 × 16 exist at once.
  liveTestOverall: { name: "live-test:all", max: 600, windowMs: 60_000 },
  reportPerClient: { name: "report:client", max: 20, windowMs: 60_000 },
  // A report code is the key to the report, so look-ups by code are counted per client and for everyone together: a
  // guesser with many addresses still gets 120 a minute in all (docs/decisions/013 has the odds). A person opens their
  // own report once or twice; support staff open reports in the console, which this does not count.
  reportLookupPerClient: { name: "report-lookup:client", max: 10, windowMs: 60_000 },
  reportLookupOverall: { name: "report-lookup:all", max: 120, windowMs: 60_000 },
  // What the browser saw of a passkey request (lib/browser-events): one or two per ceremony a person starts, so 30 a
  // minute is far above a person; every caller together 600 a minute, and the store keeps a bounded number besides.
  browserEventPerClient: { name: "browser-event:client", max: 30, windowMs: 60_000 },
  browserEventOverall: { name: "browser-event:all", max: 600, windowMs: 60_000 },
  conformanceRunPerClient: { name: "conformance-run:client", max: 3, windowMs: 10 * 60_000 },
  // Each site check fetches two files from the site named: bounded so this server is nobody's crawler.
  siteCheckPerClient: { name: "site-check:client", max: 20, windowMs: 60_000 },
} satisfies Record<string, Limit>;

/**
 * Counts one request against `limit` for `subject`; false once the window's allowance is used up. `writer` lets a
 * caller count inside its own transaction, so the count and the request's own write share one commit.
 */
export async function allow(
  limit: Limit,
  subject: string,
  writer: Tx | typeof db = db,
  now = Date.now(),
): Promise<boolean> {
  const windowOver = sql`${rateLimitBuckets.windowStart} <= ${now - limit.windowMs}`;
  const [bucket] = await writer
    .insert(rateLimitBuckets)
    .values({ key: `${limit.name}:${subject}`, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${windowOver} then 1 else ${rateLimitBuckets.count} + 1 end`,
        windowStart: sql`case when ${windowOver} then ${now} else ${rateLimitBuckets.windowStart} end`,
      },
    })
    .returning({ count: rateLimitBuckets.count });
  return (bucket?.count ?? 0) <= limit.max;
}

export const rateLimited = (): Failure => fail("rate:limited", "rate.from-here");

/** The overall budget of a limit shared by every caller is spent: not this client's doing, so it is not told so. */
export const serverBusy = (): Failure => fail("rate:limited", "rate.busy");

/** The subject of a limit that counts every caller together. */
export const EVERYONE = "*";

/** Forgets buckets whose window started two hours ago or more: every window is an hour or shorter, so these are over. */
export async function deleteStaleBuckets(now = Date.now()): Promise<void> {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, now - 2 * 60 * 60_000));
}
