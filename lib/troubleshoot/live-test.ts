// The wizard's live test: a throwaway passkey made and used on no account at all, so it can never sign anyone in.
// Each step returns a verdict as facts (a reason code, the mismatch checks, what the authenticator said), which the
// action puts into the page's words (live-test-words.ts) and a saved report keeps as they are. It verifies with
// the portal's own core and terms (lib/webauthn/verify-*.ts), so "our server accepted it" means what /sign-in would say.
import { randomBytes } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { and, eq, gt, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { liveTests } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { authenticatorName } from "@/lib/webauthn/authenticator-names";
import { authenticationResponseSchema, registrationResponseSchema } from "@/lib/webauthn/response-schemas";
import { CEREMONY_TIMEOUT_MS, portalTerms, relyingParty, SUPPORTED_ALGORITHMS } from "@/lib/webauthn/relying-party";
import { verifyAssertion } from "@/lib/webauthn/verify-assertion";
import { verifyRegistration } from "@/lib/webauthn/verify-registration";
import type { PasskeyFailureReason } from "@/lib/webauthn/failure-reason";
import { explainMismatch, type MismatchFact } from "./mismatch";

const LIVE_TEST_TTL_MS = 15 * 60_000;

/** What the authenticator told us (never keys or ids). */
export type AuthenticatorFacts = {
  authenticator: string;
  storage: "synced" | "can-sync" | "device-bound";
  userVerified: boolean;
};

export type Verdict = {
  ok: boolean;
  /** The verifier's exact words, shown on the person's own page only (a report keeps the reason instead). */
  detail?: string;
  /** Why it was refused, from the fixed list every relying party here uses (lib/webauthn/failure-reason.ts). */
  reason?: PasskeyFailureReason;
  checks: MismatchFact[];
  facts?: AuthenticatorFacts;
};

async function openTest(testId: string) {
  return db.query.liveTests.findFirst({ where: and(eq(liveTests.id, testId), gt(liveTests.expiresAt, new Date())) });
}

const expired: Verdict = { ok: false, reason: "passkey:expired", checks: [] };
const malformed = (detail: string): Verdict => ({
  ok: false,
  detail,
  reason: "passkey:malformed",
  checks: [],
});

/** `exclude`: the signed-in person's passkeys, so a device that already holds one answers InvalidStateError. */
export async function startLiveRegistration(
  exclude: { id: string; transports: string[] }[] = [],
): Promise<{ testId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  await db.delete(liveTests).where(lt(liveTests.expiresAt, new Date()));
  const userHandle = randomBytes(32);
  const options = await generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: "live-test",
    userDisplayName: "Passkey Lab live test (safe to delete)",
    userID: new Uint8Array(userHandle),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: exclude.map(({ id, transports }) => ({ id, transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
  const testId = newToken(16);
  await db.insert(liveTests).values({
    id: testId,
    userHandle: userHandle.toString("base64url"),
    challenge: options.challenge,
    expiresAt: new Date(Date.now() + LIVE_TEST_TTL_MS),
  });
  return { testId, options };
}

export async function finishLiveRegistration(testId: string, body: unknown): Promise<Verdict> {
  const test = await openTest(testId);
  if (!test || test.credentialId) return expired;
  const expectation = {
    origins: relyingParty.origins,
    rpId: relyingParty.id,
    challenge: test.challenge,
    type: "webauthn.create" as const,
    userVerificationRequired: false,
  };
  const parsed = registrationResponseSchema.safeParse(body);
  if (!parsed.success) return malformed(parsed.error.message);
  const verification = await verifyRegistration(parsed.data, test.challenge, portalTerms, {
    userVerification: "preferred",
  });
  if (!verification.verified) {
    const { reason, detail } = verification.failure;
    return { ok: false, detail, reason, checks: explainMismatch(expectation, body) };
  }
  const info = verification.info;
  await db
    .update(liveTests)
    .set({
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey),
      counter: info.credential.counter,
      backupEligible: info.credentialDeviceType === "multiDevice",
    })
    .where(eq(liveTests.id, testId));
  return {
    ok: true,
    checks: explainMismatch(expectation, body),
    facts: {
      authenticator: authenticatorName(info.aaguid).name,
      storage: info.credentialBackedUp
        ? "synced"
        : info.credentialDeviceType === "multiDevice"
          ? "can-sync"
          : "device-bound",
      userVerified: info.userVerified,
    },
  };
}

export async function startLiveAuthentication(testId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const test = await openTest(testId);
  if (!test?.credentialId) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.id,
    allowCredentials: [{ id: test.credentialId }],
    userVerification: "preferred",
    timeout: CEREMONY_TIMEOUT_MS,
  });
  await db.update(liveTests).set({ challenge: options.challenge }).where(eq(liveTests.id, testId));
  return options;
}

/** Verifies the sign-in with the throwaway passkey, then ends the test (its row is deleted). */
export async function finishLiveAuthentication(testId: string, body: unknown): Promise<Verdict> {
  const test = await openTest(testId);
  if (!test?.credentialId || !test.publicKey) return expired;
  await db.delete(liveTests).where(eq(liveTests.id, testId));
  const expectation = {
    origins: relyingParty.origins,
    rpId: relyingParty.id,
    challenge: test.challenge,
    type: "webauthn.get" as const,
    storedCounter: test.counter ?? 0,
    userVerificationRequired: true,
  };
  const parsed = authenticationResponseSchema.safeParse(body);
  if (!parsed.success) return malformed(parsed.error.message);
  const credential = {
    id: test.credentialId,
    publicKey: test.publicKey,
    counter: test.counter ?? 0,
    backupEligible: test.backupEligible,
  };
  const verification = await verifyAssertion(parsed.data, test.challenge, credential, portalTerms, {
    userVerification: "required",
  });
  if (verification.verified) {
    return { ok: true, checks: explainMismatch(expectation, body) };
  }
  const { reason, detail } = verification.failure;
  return { ok: false, detail, reason, checks: explainMismatch(expectation, body) };
}
