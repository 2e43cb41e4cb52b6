// Sign-up with an emailed code (security bar H62, OWASP Authentication Cheat Sheet "account creation"): the first
// step answers the same for every address, and the account is made only when the code mailed to the address comes
// back. A new address gets the code; an address that has an account gets a notice to its owner instead, and its
// request stores the hash of a value that is never sent, so both kinds of request then behave alike to the end.
import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { signUpRequests } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import type { Translator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail/mail";
import { existingAccountNoticeMail, signUpCodeMail } from "@/lib/mail/sign-up-mails";
import { AppError, catchAppError, fail, ok, type Result } from "@/lib/result";
import { recordEvent } from "./audit";
import { hashPassword } from "./password";
import { allow, limits } from "./rate-limit";
import { findUserByEmail, insertUser, normaliseEmail } from "./users";

// NIST SP 800-63B-4 §5.1.3 (out-of-band secrets): short-lived, single-use, with limited attempts. 6 digits and 5
// tries give a guesser 1 chance in 200 000 per request, and requests are limited per client.
export const SIGN_UP_CODE_TTL_MS = 15 * 60_000;
export const SIGN_UP_CODE_ATTEMPTS = 5;
const CODE_DIGITS = 6;

export function newSignUpCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
}

/** Keyed by AUTH_SECRET and bound to its request: a leaked table does not give away codes by trying all 10^6. */
export function hashSignUpCode(requestId: string, code: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`sign-up-code:${requestId}:${code}`).digest("base64url");
}

function codeMatches(requestId: string, storedHash: string, code: string): boolean {
  const given = Buffer.from(hashSignUpCode(requestId, code.replace(/\s/g, "")));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export type SignUpStarted = { pendingToken: string; mail: Mail | null };

/**
 * The first step: the same writes and the same answer whatever the address. The password is hashed either way (the
 * slow part), so timing does not tell either. `mail` is null when the address has had its mail for this hour; else in
 * the language of `mailText` (the request's).
 */
export async function startSignUp(
  email: string,
  password: string,
  mailText: Translator<"mail">,
  now = Date.now(),
): Promise<SignUpStarted> {
  const address = normaliseEmail(email);
  const [passwordHash, existing] = await Promise.all([hashPassword(password), findUserByEmail(address)]);
  const id = newToken(16);
  const pendingToken = newToken();
  const code = newSignUpCode();
  // An address past its mails for this hour gets none, and then no code works either: otherwise anyone could start
  // requests for someone else's address and guess codes nobody was ever sent (5 tries each).
  const mailed = await allow(limits.signUpMailPerAddress, hashToken(address), db, now);
  await db.insert(signUpRequests).values({
    id,
    tokenHash: hashToken(pendingToken),
    email: address,
    passwordHash,
    codeHash: hashSignUpCode(id, existing || !mailed ? newToken() : code),
    expiresAt: new Date(now + SIGN_UP_CODE_TTL_MS),
    createdAt: new Date(now),
  });
  await deleteExpiredSignUpRequests(now);
  if (!mailed) return { pendingToken, mail: null };
  const mail = existing
    ? existingAccountNoticeMail(mailText, address, env.RP_ORIGINS[0])
    : signUpCodeMail(mailText, address, code, SIGN_UP_CODE_TTL_MS / 60_000);
  return { pendingToken, mail };
}

const SIGN_UP_EXPIRED = "sign-up.start-again";

/** The second step: the code from the mail makes the account. Each try counts, right or wrong. */
export async function completeSignUp(
  pendingToken: string,
  code: string,
  client: string,
  now = Date.now(),
): Promise<Result<{ userId: string }>> {
  // Counting the try and reading the request are one statement, so concurrent guesses cannot exceed the limit.
  const [request] = await db
    .update(signUpRequests)
    .set({ attempts: sql`${signUpRequests.attempts} + 1` })
    .where(
      and(
        eq(signUpRequests.tokenHash, hashToken(pendingToken)),
        gt(signUpRequests.expiresAt, new Date(now)),
        lt(signUpRequests.attempts, SIGN_UP_CODE_ATTEMPTS),
      ),
    )
    .returning();
  if (!request) return fail("sign-up:expired", SIGN_UP_EXPIRED);
  if (!codeMatches(request.id, request.codeHash, code)) {
    const left = SIGN_UP_CODE_ATTEMPTS - request.attempts;
    if (left === 0) return fail("sign-up:expired", SIGN_UP_EXPIRED);
    return fail("sign-up:invalid-code", { key: "sign-up.wrong-code", values: { left } });
  }
  return catchAppError(() =>
    // Durable: a new account is a change to who can sign in (decision 007).
    transaction(
      async (tx) => {
        // Deleting the request claims it: of two racing requests with the right code, one makes the account.
        const [claimed] = await tx
          .delete(signUpRequests)
          .where(eq(signUpRequests.id, request.id))
          .returning({ id: signUpRequests.id });
        if (!claimed) throw new AppError(fail("sign-up:expired", SIGN_UP_EXPIRED));
        const user = await insertUser(tx, request.email, request.passwordHash);
        // Only someone who read the mail gets here, so saying so tells nobody else anything.
        if (!user) throw new AppError(fail("auth:email-taken", "auth.email-taken-meanwhile"));
        await recordEvent(tx, { userId: user.id, type: "account.created", client });
        return ok({ userId: user.id });
      },
      { durable: true },
    ),
  );
}

/** Requests past their 15 minutes (holding a password hash) go as soon as another sign-up starts, and at start-up. */
export async function deleteExpiredSignUpRequests(now = Date.now()): Promise<void> {
  await db.delete(signUpRequests).where(lt(signUpRequests.expiresAt, new Date(now)));
}
