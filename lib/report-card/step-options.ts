// The exact options each step hands to the browser, as JSON (binary values base64url, as in WebAuthn L3 §5.1.8's
// JSON forms). Built by hand rather than with generateRegistrationOptions(), which adds and rewrites options: the card
// must send exactly what it says it sends.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { STEPS, type CreateStep, type GetStep, type StepId } from "./steps";

/**
 * One user handle for every create, so a passkey manager or security key replaces the test passkey instead of
 * keeping one per click (CTAP2.1 §6.1.2 step 14: same RP ID and user id overwrite).
 */
export const REPORT_CARD_USER = {
  id: Buffer.from("passkeylab-report-card").toString("base64url"),
  name: "passkeylab report card",
  displayName: "passkeylab report card (safe to delete)",
} as const;

/** A fixed PRF salt: the card only checks that a result came back, never what it is. */
export const PRF_SALT = Buffer.from("passkeylab report card prf salt.").toString("base64url");

const TIMEOUT_MS = 2 * 60_000;

type ExtensionsJSON = {
  credProps?: boolean;
  prf?: { eval?: { first: string } };
  largeBlob?: { support: "preferred" };
};

export type CreationOptionsJSON = Omit<PublicKeyCredentialCreationOptionsJSON, "extensions"> & {
  extensions?: ExtensionsJSON;
};
export type RequestOptionsJSON = Omit<PublicKeyCredentialRequestOptionsJSON, "extensions"> & {
  extensions?: ExtensionsJSON;
};
export type StepOptions =
  { ceremony: "create"; options: CreationOptionsJSON } | { ceremony: "get"; options: RequestOptionsJSON };

export type RelyingPartyInfo = { id: string; name: string };
export type AllowedCredential = { id: string; transports?: string[] };

function creationOptions(step: CreateStep, rp: RelyingPartyInfo, challenge: string): CreationOptionsJSON {
  const extensions: ExtensionsJSON = {};
  if (step.extensions.includes("credProps")) extensions.credProps = true;
  if (step.extensions.includes("prf")) extensions.prf = { eval: { first: PRF_SALT } };
  if (step.extensions.includes("largeBlob")) extensions.largeBlob = { support: "preferred" };
  return {
    rp: { id: rp.id, name: rp.name },
    user: { ...REPORT_CARD_USER },
    challenge,
    pubKeyCredParams: step.algorithms.map((alg) => ({ type: "public-key", alg })),
    timeout: TIMEOUT_MS,
    excludeCredentials: [],
    authenticatorSelection: {
      residentKey: step.residentKey,
      requireResidentKey: step.residentKey === "required",
      userVerification: step.userVerification,
    },
    attestation: step.attestation,
    ...(step.hints ? { hints: step.hints } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
  };
}

function requestOptions(
  step: GetStep,
  rp: RelyingPartyInfo,
  challenge: string,
  allow: AllowedCredential[],
): RequestOptionsJSON {
  return {
    rpId: rp.id,
    challenge,
    timeout: TIMEOUT_MS,
    userVerification: step.userVerification,
    allowCredentials: allow.map(({ id, transports }) => ({
      id,
      type: "public-key",
      ...(transports?.length
        ? {
            transports: transports as NonNullable<
              PublicKeyCredentialRequestOptionsJSON["allowCredentials"]
            >[number]["transports"],
          }
        : {}),
    })),
    ...(step.prf ? { extensions: { prf: { eval: { first: PRF_SALT } } } } : {}),
  };
}

/** `allow`: for a get, the credential the page made (a get step never runs as a discoverable request). */
export function buildStepOptions(
  stepId: StepId,
  rp: RelyingPartyInfo,
  challenge: string,
  allow: AllowedCredential[] = [],
): StepOptions {
  const step = STEPS[stepId];
  return step.ceremony === "create"
    ? { ceremony: "create", options: creationOptions(step, rp, challenge) }
    : { ceremony: "get", options: requestOptions(step, rp, challenge, allow) };
}
