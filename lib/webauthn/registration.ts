// Adding a passkey: only with 2FA on and a fresh step-up grant of this session; the grant is spent in the same
// transaction that consumes the challenge and stores the credential.
import { generateRegistrationOptions } from "@simplewebauthn/server";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { eq } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { passkeys, type User } from "@/lib/db/schema";
import { recordEvent } from "@/lib/auth/audit";
import { spendStepUpGrant, stepUpExpiry } from "@/lib/auth/step-up";
import { hasTotp } from "@/lib/auth/totp";
import type { ErrorMessageKey } from "@/lib/error-words";
import { AppError, fail, ok, type Result } from "@/lib/result";
import { authenticatorName } from "./authenticator-names";
import { burnOnFailure, consumeChallenge, requireOpenChallenge, saveAccountChallenge } from "./challenges";
import { credentialRecord } from "./credential-record";
import { registrationResponseSchema } from "./response-schemas";
import { CEREMONY_TIMEOUT_MS, portalTerms, relyingParty, SUPPORTED_ALGORITHMS } from "./relying-party";
import { verifyRegistration } from "./verify-registration";

export const passkeyLocations = {
  "this-device": "localDevice",
  phone: "remoteDevice",
  "security-key": "securityKey",
} as const;
export type PasskeyLocation = keyof typeof passkeyLocations;

export type Ceremony = { user: User; sessionId: string };

/**
 * What differs between adding a passkey by hand and the automatic upgrade (automatic-registration.ts): the challenge's
 * purpose, the grant spent, the mediation the verifier is told about, the log entry and the stored mark.
 */
export type RegistrationKind = {
  challenge: "registration" | "automatic-registration";
  grant: "add-passkey" | "automatic-passkey";
  /** Only the automatic kind says "conditional-create": then, and only then, UP=0 is accepted. */
  mediation?: "conditional-create";
  event: "passkey.added" | "passkey.added-automatically";
  /** Said when the grant is gone by the time the response arrives. */
  grantGone: ErrorMessageKey;
};

const BY_HAND: RegistrationKind = {
  challenge: "registration",
  grant: "add-passkey",
  event: "passkey.added",
  grantGone: "step-up.check-expired",
};

/** The creation options and their stored challenge, the same for every kind but the purpose and the location hint. */
export async function createRegistrationCeremony(
  { user, sessionId }: Ceremony,
  kind: RegistrationKind,
  location?: PasskeyLocation,
): Promise<Result<{ ceremonyId: string; options: PublicKeyCredentialCreationOptionsJSON }>> {
  const existing = await db.query.passkeys.findMany({ where: eq(passkeys.userId, user.id) });
  const options = await generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: user.email,
    userDisplayName: user.email,
    userID: isoBase64URL.toBuffer(user.webauthnUserId),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    // The browser refuses to make a second passkey on an authenticator that already holds one (security bar F50).
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: passkey.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    ...(location ? { preferredAuthenticatorType: passkeyLocations[location] } : {}),
    // Asks for PRF at creation: a security key gives a credential its PRF secret (CTAP hmac-secret) only when asked
    // here, so without it no passkey added here could lock a note (lib/notes; WebAuthn L3 §10.1.4).
    extensions: { prf: {} },
  });
  const saved = await saveAccountChallenge({
    purpose: kind.challenge,
    value: options.challenge,
    userId: user.id,
    sessionId,
  });
  return saved.ok ? ok({ ceremonyId: saved.data, options }) : saved;
}

export async function startRegistration(
  ceremony: Ceremony,
  location: PasskeyLocation,
): Promise<Result<{ ceremonyId: string; options: PublicKeyCredentialCreationOptionsJSON }>> {
  const { user, sessionId } = ceremony;
  if (!(await hasTotp(user.id))) {
    return fail("totp:required", "totp.required-for-passkey");
  }
  if (!(await stepUpExpiry(user.id, sessionId, "add-passkey"))) {
    return fail("step-up:required", "step-up.code-or-passkey");
  }
  return createRegistrationCeremony(ceremony, BY_HAND, location);
}

/**
 * The names a passkey gets when its authenticator has no known name, in the person's language: it becomes their label
 * (passkey-words.ts makes them from the request's translations).
 */
export type UnnamedPasskeyWords = { securityKey: string; phone: string; onClient: (client: string) => string };

/**
 * A name when the AAGUID tells nothing (browsers zero it for security keys under "none" attestation): the kind of
 * authenticator from its attachment and transports, else the browser it was made in.
 */
function fallbackLabel(response: RegistrationResponseJSON, client: string, words: UnnamedPasskeyWords): string {
  const transports = response.response.transports ?? [];
  if (response.authenticatorAttachment === "cross-platform") {
    if (transports.some((transport) => ["usb", "nfc", "ble", "smart-card"].includes(transport)))
      return words.securityKey;
    if (transports.includes("hybrid")) return words.phone;
  }
  return words.onClient(client);
}

/** `prf.enabled` as the browser reported it at creation (WebAuthn L3 §10.1.4), or null when it said nothing. */
function reportedPrf(response: RegistrationResponseJSON): boolean | null {
  const prf = (response.clientExtensionResults as { prf?: { enabled?: unknown } }).prf;
  return typeof prf?.enabled === "boolean" ? prf.enabled : null;
}

const notVerified = (detail: string) => fail("passkey:not-verified", "passkey.new-not-verified", detail);

/** `words`: what a passkey whose authenticator has no known name is called, in the person's language. */
export function finishRegistration(
  ceremony: Ceremony,
  ceremonyId: string,
  body: unknown,
  client: string,
  words: UnnamedPasskeyWords,
): Promise<Result<{ id: string; label: string }>> {
  return finishRegistrationOf(BY_HAND, ceremony, ceremonyId, body, client, words);
}

/** Verifies, then spends the challenge and the kind's grant and stores the passkey in one transaction. */
export async function finishRegistrationOf(
  kind: RegistrationKind,
  { user, sessionId }: Ceremony,
  ceremonyId: string,
  body: unknown,
  client: string,
  words: UnnamedPasskeyWords,
): Promise<Result<{ id: string; label: string }>> {
  return burnOnFailure(ceremonyId, async () => {
    const challenge = await requireOpenChallenge(ceremonyId, kind.challenge, { userId: user.id, sessionId });
    const parsed = registrationResponseSchema.safeParse(body);
    if (!parsed.success) return fail("input:invalid", "input.malformed-passkey", parsed.error.message);
    const response = parsed.data;

    const verification = await verifyRegistration(response, challenge.value, portalTerms, {
      userVerification: "preferred",
      mediation: kind.mediation,
    });
    if (!verification.verified) return notVerified(verification.failure.detail);
    const info = verification.info;
    const authenticator = authenticatorName(info.aaguid);
    const label = authenticator.known ? authenticator.name : fallbackLabel(response, client, words);

    return transaction(
      async (tx) => {
        await consumeChallenge(tx, ceremonyId);
        if (!(await spendStepUpGrant(tx, user.id, sessionId, kind.grant))) {
          throw new AppError(fail("step-up:required", kind.grantGone));
        }
        // Credential ids are unique across all accounts (WebAuthn L3 §7.1 step 26; security bar A14).
        if (await tx.query.passkeys.findFirst({ where: eq(passkeys.id, info.credential.id), columns: { id: true } })) {
          throw new AppError(fail("passkey:duplicate", "passkey.duplicate-elsewhere"));
        }
        await tx.insert(passkeys).values({
          ...credentialRecord(info, response),
          userVerified: info.userVerified,
          userId: user.id,
          label,
          prfEnabled: reportedPrf(response),
          createdWith: client,
          addedAutomatically: kind.event === "passkey.added-automatically",
        });
        await recordEvent(tx, { userId: user.id, type: kind.event, client, detail: { label } });
        return ok({ id: info.credential.id, label });
      },
      { durable: true },
    );
  });
}
