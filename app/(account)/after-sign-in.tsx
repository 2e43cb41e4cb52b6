import { cookies } from "next/headers";
import { currentSession } from "@/lib/auth/session";
import { SIGNED_IN_COOKIE } from "@/lib/auth/signed-in-flash";
import { mayUpgradeAutomatically } from "@/lib/webauthn/automatic-registration";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { AfterSignInSignals } from "./after-sign-in-signals";

/**
 * On the page a sign-in lands on, once (lib/auth/signed-in-flash.ts): the Signal API calls and, after a password +
 * authenticator-code sign-in, the automatic passkey upgrade. Renders nothing a person sees.
 */
export async function AfterSignIn() {
  if ((await cookies()).get(SIGNED_IN_COOKIE)?.value !== "1") return null;
  const session = await currentSession();
  if (!session) return null;
  const [passkeys, upgrade] = await Promise.all([listPasskeys(session.user.id), mayUpgradeAutomatically(session)]);
  return (
    <AfterSignInSignals
      rpId={relyingParty.id}
      userId={session.user.webauthnUserId}
      name={session.user.email}
      credentialIds={passkeys.map((passkey) => passkey.id)}
      upgrade={upgrade}
    />
  );
}
