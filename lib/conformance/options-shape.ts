// Options missing fields the API requires (docs/decisions/016-conformance-outcomes.md, "Options missing fields"). A field
// WebAuthn itself gives a client a default for is a deviation, and the ceremony goes on with that default; a field
// without which no client can make or use a credential ends the case as a fail.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { noteDeviation } from "./case-deviations";
import { check, type JsonBody } from "./expectations";

const isObject = (value: unknown): value is JsonBody =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The stable kinds a report groups by. */
export const OPTIONS_DEVIATION = {
  rpMissing: 'options: "rp" is missing (the client uses the origin\'s domain)',
  pubKeyCredParamsMissing: 'options: "pubKeyCredParams" is missing (the client offers ES256 and RS256)',
  anotherUser: "options: for another user than the one asked for",
} as const;

function requireChallenge(options: JsonBody, step: string) {
  // Nothing to sign over: the authenticator's answer could prove nothing to the target.
  check(
    typeof options.challenge === "string" && options.challenge.length > 0,
    `${step}: the options have no "challenge", so no ceremony can follow`,
    "a base64url challenge",
    options.challenge ?? "(missing)",
  );
}

/**
 * Creation options a ceremony can use, with WebAuthn's defaults where the target left a field out. `username` is the
 * one this case asked for: options naming another user are what a target serving one ceremony at a time sends while
 * another case's ceremony is under way (lib/conformance/run-hints.ts).
 */
export function usableCreationOptions(
  options: JsonBody,
  step: string,
  username?: string,
): PublicKeyCredentialCreationOptionsJSON {
  requireChallenge(options, step);
  // The user handle is what the credential belongs to and what a sign-in returns: without it there is no credential.
  const user = isObject(options.user) ? options.user : {};
  if (username !== undefined && typeof user.name === "string" && user.name !== username) {
    noteDeviation({
      kind: OPTIONS_DEVIATION.anotherUser,
      step,
      detail: `asked for "${username}", user.name is "${user.name}"`,
    });
  }
  check(
    typeof user.id === "string" && user.id.length > 0,
    `${step}: the options have no "user.id", so no credential can be made`,
    "user.id, base64url",
    options.user ?? "(missing)",
  );
  let usable = options;
  if (!isObject(options.rp)) {
    // WebAuthn L3 §5.1.3 step 8: without rp.id a client uses the origin's effective domain.
    noteDeviation({ kind: OPTIONS_DEVIATION.rpMissing, step, detail: `rp: ${JSON.stringify(options.rp ?? null)}` });
    usable = { ...usable, rp: {} };
  }
  if (!Array.isArray(options.pubKeyCredParams)) {
    // WebAuthn L3 §5.1.3 step 10: an empty list means ES256 and RS256.
    noteDeviation({
      kind: OPTIONS_DEVIATION.pubKeyCredParamsMissing,
      step,
      detail: `pubKeyCredParams: ${JSON.stringify(options.pubKeyCredParams ?? null)}`,
    });
    usable = { ...usable, pubKeyCredParams: [] };
  }
  return usable as unknown as PublicKeyCredentialCreationOptionsJSON;
}

/** Request options a ceremony can use: only the challenge is needed (rpId and allowCredentials have defaults). */
export function usableRequestOptions(options: JsonBody, step: string): PublicKeyCredentialRequestOptionsJSON {
  requireChallenge(options, step);
  return options as unknown as PublicKeyCredentialRequestOptionsJSON;
}
