"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { browserCan, createConditionally } from "@/lib/browser/newer-ceremonies";
import { signalAllAcceptedCredentials, signalCurrentUserDetails } from "@/lib/browser/webauthn-browser";
import { SIGNED_IN_COOKIE } from "@/lib/auth/signed-in-flash";
import { finishAutomaticPasskeyAction, startAutomaticPasskeyAction } from "./account/automatic-upgrade-actions";

type Props = { rpId: string; userId: string; name: string; credentialIds: string[]; upgrade: boolean };

/** The automatic passkey upgrade: true when a passkey was saved. Every "no" on the way is silent, by design. */
async function upgradeAutomatically(signal: AbortSignal): Promise<boolean> {
  if (!(await browserCan("conditionalCreate"))) return false;
  const start = await startAutomaticPasskeyAction().catch(() => null);
  if (!start?.ok || signal.aborted) return false;
  try {
    const response = await createConditionally(start.data.options, signal);
    const finish = await finishAutomaticPasskeyAction(start.data.ceremonyId, response);
    return finish.ok;
  } catch {
    // The password manager declined (no saved password, the person opted out, a passkey already there): not a failure.
    return false;
  }
}

/**
 * After every sign-in: the password manager learns the passkeys the server still accepts and the account's name
 * (WebAuthn L3 §5.1.10), so it can drop one removed elsewhere; then the automatic upgrade when the sign-in granted it.
 */
export function AfterSignInSignals({ rpId, userId, name, credentialIds, upgrade }: Props) {
  // Runs once per sign-in: the server renders this only while the flag cookie is set, and the effect clears it.
  const router = useRouter();
  useEffect(() => {
    document.cookie = `${SIGNED_IN_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
    void signalAllAcceptedCredentials(rpId, userId, credentialIds);
    void signalCurrentUserDetails(rpId, userId, name);
    if (!upgrade) return;
    // A pending create blocks every other WebAuthn request of the page ("A request is already pending"): the first
    // click or key press, which may start one (adding a passkey, a step-up, a withdrawal), ends the offer, as does
    // leaving the signed-in pages.
    const offer = new AbortController();
    const stop = () => offer.abort();
    document.addEventListener("pointerdown", stop, { capture: true, once: true });
    document.addEventListener("keydown", stop, { capture: true, once: true });
    void upgradeAutomatically(offer.signal).then((saved) => saved && router.refresh());
    return () => {
      stop();
      document.removeEventListener("pointerdown", stop, { capture: true });
      document.removeEventListener("keydown", stop, { capture: true });
    };
  }, [rpId, userId, name, credentialIds, upgrade, router]);
  return null;
}
