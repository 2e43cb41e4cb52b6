// Automatic passkey upgrade (conditional create, issue 15 item 1): right after a password + authenticator-code sign-in,
// the page asks the password manager for a passkey with mediation "conditional" (no dialog). That sign-in is this one
// creation's step-up: its grant ("automatic-passkey") belongs to the session the sign-in started, lasts 5 minutes and is
// spent by the one passkey. The server accepts UP=0 here only (WebAuthn L3 §7.1 step 15), because only a ceremony it
// started as "automatic-registration" reaches the conditional-create policy; every other registration requires UP.
// Nothing here logs a failure: where the browser or the password manager declines, nothing happened.
import "server-only";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { stepUpExpiry } from "@/lib/auth/step-up";
import { hasTotp } from "@/lib/auth/totp";
import { fail, type Result } from "@/lib/result";
import {
  createRegistrationCeremony,
  finishRegistrationOf,
  type Ceremony,
  type RegistrationKind,
  type UnnamedPasskeyWords,
} from "./registration";

const NO_GRANT = "step-up.no-automatic-grant";

const AUTOMATIC: RegistrationKind = {
  challenge: "automatic-registration",
  grant: "automatic-passkey",
  mediation: "conditional-create",
  event: "passkey.added-automatically",
  grantGone: NO_GRANT,
};

/** Whether this session may ask for an automatic passkey now: the setting is on and the sign-in's grant is unspent. */
export async function mayUpgradeAutomatically({ user, sessionId }: Ceremony): Promise<boolean> {
  return user.automaticPasskeyUpgrade && (await stepUpExpiry(user.id, sessionId, "automatic-passkey")) !== null;
}

export async function startAutomaticRegistration(
  ceremony: Ceremony,
): Promise<Result<{ ceremonyId: string; options: PublicKeyCredentialCreationOptionsJSON }>> {
  if (!(await hasTotp(ceremony.user.id)) || !(await mayUpgradeAutomatically(ceremony)))
    return fail("step-up:required", NO_GRANT);
  return createRegistrationCeremony(ceremony, AUTOMATIC);
}

export function finishAutomaticRegistration(
  ceremony: Ceremony,
  ceremonyId: string,
  body: unknown,
  client: string,
  words: UnnamedPasskeyWords,
): Promise<Result<{ id: string; label: string }>> {
  return finishRegistrationOf(AUTOMATIC, ceremony, ceremonyId, body, client, words);
}
