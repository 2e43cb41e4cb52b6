// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// Signing in with a passkey: username-first (the account's passkeys are listed) or usernameless (any discoverable one).
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from "@simplewebauthn/server";
import { readClientData } from "./client-data";
import { RP_ID } from "./registration";
import type { User, WeakRpStore } from "./store";

export async function signInOptions(store: WeakRpStore, username: unknown) {
  const name = typeof username === "string" ? username.trim() : "";
  const user = name ? store.userNamed(name) : undefined;
  if (name && !user) throw new Error(`There is no account named “${name}”.`);
  const options = await generateAuthenticationOptions({
    rpID: RP_ID,
    allowCredentials: user ? store.passkeysOf(user.id).map(({ id, transports }) => ({ id, transports })) : [],
    userVerification: "required",
  });
  store.startSignIn(options.challenge, user?.id ?? null);
  return options;
}

/** Verifies the answer; returns the user it signs in. */
export async function finishSignIn(store: WeakRpStore, response: AuthenticationResponseJSON): Promise<User> {
  const clientData = readClientData(response);
  const ceremony = store.findSignIn(clientData.challenge);
  if (!ceremony) throw new Error("This sign-in was not started here, or it expired: start again.");
  const passkey = typeof response.id === "string" ? store.passkeys.get(response.id) : undefined;
  if (!passkey) throw new Error("This passkey is not registered here.");
  // Username-first: the passkey must be one of the named account's (WebAuthn L3 §7.2).
  if (ceremony.userId && passkey.userId !== ceremony.userId)
    throw new Error("This passkey belongs to another account.");
  const userHandle = response.response?.userHandle;
  if (!ceremony.userId && !userHandle) throw new Error("The passkey did not say which account it is for.");
  if (userHandle && userHandle !== passkey.userId) throw new Error("The passkey's user handle is not its account's.");
  const { verified, authenticationInfo } = await verifyAuthenticationResponse({
    response,
    expectedChallenge: clientData.challenge,
    // HOLE: origin. Any origin in clientDataJSON is accepted, so an assertion a phishing site obtained by relaying
    // the ceremony signs the person in here (WebAuthn L3 §7.2). The fix: the site's own origin.
    expectedOrigin: clientData.origin,
    expectedRPID: RP_ID,
    // SimpleWebAuthn refuses a counter equal to the stored one; the site does its own (weaker) check below instead.
    credential: { id: passkey.id, publicKey: passkey.publicKey, counter: 0, transports: passkey.transports },
    // HOLE: UV. The options require user verification, but an assertion with the UV flag clear is accepted, so
    // someone holding the key without its PIN or biometric signs in (WebAuthn L3 §7.2). The fix: true.
    requireUserVerification: false,
  });
  if (!verified) throw new Error("The passkey's signature did not verify.");
  const { newCounter } = authenticationInfo;
  // HOLE: replay. Only a counter LOWER than the stored one is refused; an equal one (the same assertion again) passes.
  // WebAuthn L3 §7.2 and §6.1.1: when either is non-zero, the new counter must be GREATER. The fix: refuse
  // `newCounter <= passkey.counter` unless both are 0.
  if (newCounter < passkey.counter)
    throw new Error(`The passkey's counter went back (${newCounter} < ${passkey.counter}): it may be cloned.`);
  passkey.counter = newCounter;
  const user = store.users.get(passkey.userId);
  if (!user) throw new Error("This passkey's account is gone.");
  return user;
}
