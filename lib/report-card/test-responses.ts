// Real responses for the report card's unit tests, made by the repo's software authenticator from the exact options
// each step sends (real CBOR, keys and attestation statements; no hand-made objects).
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import {
  SoftwareAuthenticator,
  type AuthenticateChoices,
  type AuthenticatorOptions,
  type RegisterChoices,
} from "@/lib/authenticator";
import { buildStepOptions } from "./step-options";
import type { StepId } from "./steps";

export const RP = { id: "localhost", name: "Passkey Lab" };
export const ORIGIN = "http://localhost:3000";
const CHALLENGE = Buffer.alloc(32, 7).toString("base64url");

export const GOOGLE_PASSWORD_MANAGER = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";
export const YUBIKEY_5 = "9eb7eabc-9db5-49a1-b6c3-555a802093f4";

export function authenticator(options: AuthenticatorOptions = {}) {
  return new SoftwareAuthenticator(options);
}

/** The step's own options, answered by `device`. */
export function registerFor(device: SoftwareAuthenticator, stepId: StepId, choices: RegisterChoices = {}) {
  const built = buildStepOptions(stepId, RP, CHALLENGE);
  if (built.ceremony !== "create") throw new Error(`${stepId} is not a create step`);
  return device.register(built.options as PublicKeyCredentialCreationOptionsJSON, ORIGIN, choices);
}

export function authenticateFor(
  device: SoftwareAuthenticator,
  stepId: StepId,
  credentialId: string,
  choices: AuthenticateChoices = {},
) {
  const built = buildStepOptions(stepId, RP, CHALLENGE, [{ id: credentialId }]);
  if (built.ceremony !== "get") throw new Error(`${stepId} is not a get step`);
  return device.authenticate(built.options as PublicKeyCredentialRequestOptionsJSON, ORIGIN, choices);
}

/** The value of the row with this label, as the page shows it. */
export function row(result: { rows: { label: string; value: string; note?: string }[] }, label: string) {
  const found = result.rows.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no row "${label}" in ${result.rows.map((candidate) => candidate.label).join(", ")}`);
  return found;
}
