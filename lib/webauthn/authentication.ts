// Passkey sign-in (username-first, usernameless, autofill) and passkey step-up. Verification happens first; then one
// transaction consumes the challenge, moves the counter and issues the sign-in ticket or step-up grant, so a replayed
// or raced assertion wins at most once (security bar C25-C26).
import { createHmac } from "node:crypto";
import { generateAuthenticationOptions, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { eq, sql } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { passkeys, users, type ChallengePurpose, type Passkey, type StepUpPurpose, type User } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/auth/audit";
import { recordFailedSignIn } from "@/lib/auth/failed-sign-ins";
import { allow, EVERYONE, limits, rateLimited, serverBusy } from "@/lib/auth/rate-limit";
import { newSessionId } from "@/lib/auth/session-token";
import { grantStepUp, type SteppedUp } from "@/lib/auth/step-up";
import { findUserByEmail, getUser, normaliseEmail } from "@/lib/auth/users";
import { AppError, fail, ok, type Failure, type Result } from "@/lib/result";
import { accountAllowCredentials, type AllowCredentials } from "./allow-credentials";
import { NOT_VERIFIED_MESSAGE, recordAssertion, verifyPortalAssertion, type VerifiedAssertion } from "./assertion";
import {
  burnOnFailure,
  consumeChallenge,
  requireOpenChallenge,
  saveAccountChallenge,
  saveChallenge,
  type Challenge,
} from "./challenges";
import { passkeyFailureReason } from "./failure-reason";
import { authenticationResponseSchema } from "./response-schemas";
import { CEREMONY_TIMEOUT_MS, relyingParty } from "./relying-party";

type RequestOptions = { ceremonyId: string; options: PublicKeyCredentialRequestOptionsJSON };

/**
 * For an email with no account, the same shape a real account gets: one or two credential ids derived from the email
 * with a server secret, so repeated requests agree and reveal nothing (security bar E43).
 */
function decoyCredentials(email: string) {
  const digest = createHmac("sha256", env.AUTH_SECRET)
    .update(`decoy-credentials:${normaliseEmail(email)}`)
    .digest();
  const ids = [digest.subarray(0, 16), digest.subarray(16, 32)].slice(0, 1 + (digest[0] % 2));
  return ids.map((id) => ({ id: id.toString("base64url"), transports: ["internal" as const, "hybrid" as const] }));
}

/** The per-account limit's key: a keyed hash of the address, so no text a stranger typed is stored (security bar 61). */
function accountKey(email: string): string {
  return createHmac("sha256", env.AUTH_SECRET)
    .update(`sign-in-options:${normaliseEmail(email)}`)
    .digest("base64url");
}

/**
 * With an email: username-first (allowCredentials). Without: usernameless and autofill (discoverable credentials).
 * `source` is the client's address: options are rate-limited per client and per account (security bar E46) and for
 * every caller together (security bar 60), counted in the same commit that stores the challenge.
 */
export async function startPasskeySignIn({
  email,
  source,
}: {
  email?: string;
  source: string;
}): Promise<Result<RequestOptions>> {
  const user = email ? await findUserByEmail(email) : undefined;
  const accountCredentials = user ? await accountAllowCredentials(user.id) : [];
  const allowCredentials = !email
    ? undefined
    : accountCredentials.length > 0
      ? accountCredentials
      : decoyCredentials(email);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.id,
    allowCredentials,
    // "preferred" lets a security key without a PIN answer, so we can say why it is refused instead of the browser
    // failing silently; the server requires UV below.
    userVerification: "preferred",
    timeout: CEREMONY_TIMEOUT_MS,
  });
  return transaction(async (tx) => {
    const allowed =
      (await allow(limits.signInOptionsPerClient, source, tx)) &&
      (!email || (await allow(limits.signInOptionsPerAccount, accountKey(email), tx)));
    if (!allowed) return rateLimited();
    // What unauthenticated callers can make the server store, in total (security bar 60; docs/decisions/012).
    if (!(await allow(limits.signInOptionsOverall, EVERYONE, tx))) return serverBusy();
    const ceremonyId = await saveChallenge(
      {
        purpose: "sign-in",
        value: options.challenge,
        userId: user?.id ?? null,
        allowedCredentialIds: offeredIds(options),
      },
      tx,
    );
    return ok({ ceremonyId, options });
  });
}

/** The ids in the options' allowCredentials, kept with the challenge; null when any discoverable credential may answer. */
export function offeredIds(options: PublicKeyCredentialRequestOptionsJSON): string[] | null {
  return options.allowCredentials?.map((credential) => credential.id) ?? null;
}

// Built once (Drizzle .prepare()): every sign-in looks its passkey up by credential id (docs/performance.md).
const passkeyById = db.query.passkeys.findFirst({ where: eq(passkeys.id, sql.placeholder("id")) }).prepare();
const userByHandle = db.query.users
  .findFirst({ where: eq(users.webauthnUserId, sql.placeholder("handle")), columns: { id: true } })
  .prepare();

type Verified = { passkey: Passkey; owner: User; challenge: Challenge; assertion: VerifiedAssertion };

/**
 * Every check of one assertion before anything is written, user verification included; throws AppError with the
 * reason. `ownerId` restricts it to one account's passkeys (step-up, withdrawal).
 */
export async function checkAssertion(challenge: Challenge, body: unknown, ownerId?: string): Promise<Verified> {
  const parsed = authenticationResponseSchema.safeParse(body);
  if (!parsed.success) throw new AppError(fail("input:invalid", "input.malformed-passkey", parsed.error.message));
  const response: AuthenticationResponseJSON = parsed.data;
  // The one refusal with a code of its own (decision 004, revised in 012): a user handle that names no account is a
  // discoverable passkey whose account is gone, and the browser may hide it (signalUnknownCredential). It depends on the
  // handle alone, 64 random bytes no stranger knows, never on the credential id: a decoy id and a real one must answer
  // alike (security bar 62), so an unregistered id without such a handle is "not verified" like a bad signature.
  const userHandle = response.response.userHandle;
  if (userHandle && !(await userByHandle.execute({ handle: userHandle }))) {
    throw new AppError(fail("passkey:unknown-credential", NOT_VERIFIED_MESSAGE, "userHandle names no account"));
  }
  // WebAuthn L3 §7.2 step 5: options that listed credentials accept only those (security bar A11), decoys included.
  if (challenge.allowedCredentialIds && !challenge.allowedCredentialIds.includes(response.id)) {
    throw new AppError(
      fail(
        "passkey:not-verified",
        NOT_VERIFIED_MESSAGE,
        "credential id is not one the options offered (allowCredentials)",
      ),
    );
  }
  const passkey = await passkeyById.execute({ id: response.id });
  if (!passkey)
    throw new AppError(fail("passkey:not-verified", NOT_VERIFIED_MESSAGE, "credential id is not registered here"));
  // Username-first and step-up: the credential must belong to the account the options were for (security bar A11).
  const expectedOwner = ownerId ?? challenge.userId;
  if (expectedOwner && passkey.userId !== expectedOwner) {
    throw new AppError(fail("passkey:not-verified", NOT_VERIFIED_MESSAGE, "credential belongs to another account"));
  }
  const owner = await getUser(passkey.userId);
  if (!owner) throw new AppError(fail("passkey:not-verified", NOT_VERIFIED_MESSAGE, "credential has no account"));
  // WebAuthn L3 §7.2 step 6: the user handle, when given, must be the owner's; usernameless needs it (security bar A12).
  const handleMatches = userHandle ? userHandle === owner.webauthnUserId : Boolean(expectedOwner);
  if (!handleMatches) {
    throw new AppError(
      fail("passkey:not-verified", NOT_VERIFIED_MESSAGE, "userHandle does not match the credential's account"),
    );
  }
  const assertion = await verifyPortalAssertion(response, challenge.value, passkey);
  return { passkey, owner, challenge, assertion };
}

/** How the person started a passkey sign-in, as the activity log names it. */
export type PasskeySignInMode = "username-first" | "usernameless" | "autofill" | "immediate";
type AskedVia = "button" | "autofill" | "immediate";

/**
 * The mode, from what the server knows (options that listed credentials were for a typed email: username-first) and,
 * for discoverable options, from what the page says it asked for (`conditional` mediation is autofill). The page's
 * word only tells two discoverable modes apart, so it can make the log say nothing untrue about the account.
 */
export function passkeySignInMode(
  challenge: Pick<Challenge, "allowedCredentialIds">,
  askedVia: AskedVia,
): PasskeySignInMode {
  if (challenge.allowedCredentialIds) return "username-first";
  return askedVia === "button" ? "usernameless" : askedVia;
}

/**
 * `source`: the caller's address, counted (as a keyed hash) when the sign-in fails on a known passkey. `askedVia`: the
 * page's button or the email field's autofill (for the activity log's sign-in mode).
 */
export async function finishPasskeySignIn(
  ceremonyId: string,
  body: unknown,
  client: string,
  source = "unknown",
  askedVia: AskedVia = "button",
): Promise<Result<{ userId: string }>> {
  const result = await burnOnFailure(ceremonyId, async () => {
    const challenge = await requireOpenChallenge(ceremonyId, "sign-in");
    const { passkey, owner, assertion } = await checkAssertion(challenge, body);
    const mode = passkeySignInMode(challenge, askedVia);
    await transaction(async (tx) => {
      await consumeChallenge(tx, ceremonyId);
      await recordAssertion(tx, passkey, assertion, client);
      await recordEvent(tx, {
        userId: owner.id,
        type: "sign-in.passkey",
        client,
        detail: { mode, label: passkey.label },
      });
    });
    return ok({ userId: owner.id });
  });
  if (result.ok) return result;
  if (result.code !== "passkey:unknown-credential") await countFailure(body, source, result);
  // The caller is not signed in: it gets the code and the message, never the verifier's words (security bar 62), which
  // may name what was expected; support reads the reason in the account's record.
  return fail(result.code, result.says);
}

/**
 * Counts a failed passkey sign-in on the passkey's account, under an enumerated reason (security bar 61): anyone may
 * send an assertion with a known credential id, so its text is never stored, nor can a flood bury real events.
 */
async function countFailure(body: unknown, source: string, failure: Failure) {
  const id = (body as { id?: unknown } | null)?.id;
  // A credential id is at most 1023 bytes (WebAuthn L3 §5.1), 1364 base64url characters: anything longer is no passkey.
  const passkey = typeof id === "string" && id.length <= 1364 ? await passkeyById.execute({ id }) : undefined;
  if (!passkey) return;
  await recordFailedSignIn(db, { userId: passkey.userId, reason: passkeyFailureReason(failure), source });
}

/** Step-up with a passkey: this account's passkeys only, user verification required. */
export async function startPasskeyStepUp(user: User, sessionId: string): Promise<Result<RequestOptions>> {
  const allowCredentials = await accountAllowCredentials(user.id);
  if (allowCredentials.length === 0) return fail("passkey:not-found", "passkey.none-yet");
  return startAccountAssertion({ userId: user.id, sessionId, purpose: "step-up", allowCredentials });
}

/**
 * Options for an assertion inside a signed-in session (step-up, the passkey note): only `allowCredentials`, user
 * verification required, the challenge bound to the account, the session and `purpose`, counted against the account.
 */
export async function startAccountAssertion(ceremony: {
  userId: string;
  sessionId: string;
  purpose: ChallengePurpose;
  allowCredentials: AllowCredentials;
}): Promise<Result<RequestOptions>> {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.id,
    allowCredentials: ceremony.allowCredentials,
    userVerification: "required",
    timeout: CEREMONY_TIMEOUT_MS,
  });
  const saved = await saveAccountChallenge({
    purpose: ceremony.purpose,
    value: options.challenge,
    userId: ceremony.userId,
    sessionId: ceremony.sessionId,
    allowedCredentialIds: offeredIds(options),
  });
  return saved.ok ? ok({ ceremonyId: saved.data, options }) : saved;
}

/**
 * A passkey step-up: the challenge belongs to the current session; the grant, for `purpose` only, to the new session it
 * starts (D36).
 */
export async function finishPasskeyStepUp(
  user: User,
  sessionId: string,
  ceremonyId: string,
  body: unknown,
  purpose: StepUpPurpose,
  client: string,
): Promise<Result<SteppedUp>> {
  const result = await burnOnFailure(ceremonyId, async () => {
    const challenge = await requireOpenChallenge(ceremonyId, "step-up", { userId: user.id, sessionId });
    const { passkey, assertion } = await checkAssertion(challenge, body, user.id);
    const steppedUp = { sessionId: newSessionId() };
    await transaction(async (tx) => {
      await consumeChallenge(tx, ceremonyId);
      await recordAssertion(tx, passkey, assertion, client);
      await grantStepUp(tx, { userId: user.id, sessionId: steppedUp.sessionId, method: "passkey", purpose });
      await recordEvent(tx, {
        userId: user.id,
        type: "step-up.passkey",
        client,
        detail: { label: passkey.label, purpose },
      });
    });
    return ok(steppedUp);
  });
  if (!result.ok) {
    // The reason from a fixed list, never the verifier's words: they repeat the challenge and what the browser sent.
    await recordEvent(db, {
      userId: user.id,
      type: "step-up.failed",
      client,
      detail: { reason: result.code, verdict: passkeyFailureReason(result) },
    });
  }
  return result;
}
