// The wizard's live test: a throwaway passkey made and used on no account at all, so it can never sign anyone in.
// Each step returns a verdict in plain words; a refused response comes with the mismatch explainer.
import { randomBytes } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { and, eq, gt, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { liveTests } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { authenticatorName } from "@/lib/webauthn/authenticator-names";
import { authenticationResponseSchema, registrationResponseSchema } from "@/lib/webauthn/response-schemas";
import { CEREMONY_TIMEOUT_MS, relyingParty, SUPPORTED_ALGORITHMS } from "@/lib/webauthn/relying-party";
import { explainMismatch, type MismatchCheck } from "./mismatch";

const LIVE_TEST_TTL_MS = 15 * 60_000;

export type Verdict = {
  ok: boolean;
  message: string;
  /** The verifier's exact words, for support. */
  detail?: string;
  checks: MismatchCheck[];
  /** What the authenticator told us, in words (never keys or ids). */
  facts?: Record<string, string>;
};

async function openTest(testId: string) {
  return db.query.liveTests.findFirst({ where: and(eq(liveTests.id, testId), gt(liveTests.expiresAt, new Date())) });
}

const expired: Verdict = { ok: false, message: "This live test expired. Start it again.", checks: [] };
const malformed = (detail: string): Verdict => ({
  ok: false,
  message: "The browser sent a damaged answer: an extension or proxy may be changing passkey requests.",
  detail,
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
  const expectation = { origins: relyingParty.origins, rpId: relyingParty.id, challenge: test.challenge, type: "webauthn.create" as const, userVerificationRequired: false };
  const parsed = registrationResponseSchema.safeParse(body);
  if (!parsed.success) return malformed(parsed.error.message);
  try {
    const result = await verifyRegistrationResponse({
      response: parsed.data,
      expectedChallenge: test.challenge,
      expectedOrigin: [...relyingParty.origins],
      expectedRPID: relyingParty.id,
      requireUserVerification: false,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
    if (!result.verified || !result.registrationInfo) throw new Error("attestation did not verify");
    const info = result.registrationInfo;
    await db
      .update(liveTests)
      .set({ credentialId: info.credential.id, publicKey: Buffer.from(info.credential.publicKey), counter: info.credential.counter })
      .where(eq(liveTests.id, testId));
    return {
      ok: true,
      message: "Your device made a passkey, and our server accepted it.",
      checks: explainMismatch(expectation, body),
      facts: {
        authenticator: authenticatorName(info.aaguid).name,
        storage: info.credentialBackedUp ? "synced (backed up)" : info.credentialDeviceType === "multiDevice" ? "can sync" : "device-bound",
        "user verified": info.userVerified ? "yes" : "no",
      },
    };
  } catch (error) {
    return { ok: false, message: "Our server refused the new passkey.", detail: (error as Error).message, checks: explainMismatch(expectation, body) };
  }
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
  try {
    const result = await verifyAuthenticationResponse({
      response: parsed.data,
      expectedChallenge: test.challenge,
      expectedOrigin: [...relyingParty.origins],
      expectedRPID: relyingParty.id,
      credential: { id: test.credentialId, publicKey: new Uint8Array(test.publicKey), counter: test.counter ?? 0 },
      requireUserVerification: false,
    });
    if (!result.verified) throw new Error("signature did not verify");
    const verified = result.authenticationInfo.userVerified;
    return {
      ok: verified,
      message: verified
        ? "Signing in with the passkey works: your device verified you, and our server accepted it."
        : "The passkey signed in, but without checking your PIN, fingerprint or face. Sites that require that will refuse it: set a PIN or screen lock.",
      checks: explainMismatch(expectation, body),
    };
  } catch (error) {
    return { ok: false, message: "Our server refused the sign-in with the test passkey.", detail: (error as Error).message, checks: explainMismatch(expectation, body) };
  }
}
