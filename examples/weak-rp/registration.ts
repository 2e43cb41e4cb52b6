// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// Registering a passkey: for a new account (sign-up) or for the signed-in one (add another passkey).
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { readClientData } from "./client-data";
import { newId, type User, type WeakRpStore } from "./store";

export const RP_ID = "localhost";
const RP_NAME = "Weak RP (UNSAFE)";

export async function registrationOptions(store: WeakRpStore, user: User, isSignUp: boolean) {
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: RP_ID,
    userName: user.name,
    userID: Buffer.from(user.id, "base64url"),
    attestationType: "none",
    // The person's authenticator must not make a second passkey for this account (WebAuthn L3 §5.4).
    excludeCredentials: store.passkeysOf(user.id).map(({ id, transports }) => ({ id, transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  store.startRegistration(options.challenge, user, isSignUp);
  return options;
}

export function signUpUser(store: WeakRpStore, username: unknown): User {
  const name = typeof username === "string" ? username.trim() : "";
  if (!name || name.length > 64) throw new Error("Choose a username of 1 to 64 characters.");
  if (store.userNamed(name)) throw new Error(`The username “${name}” is taken.`);
  return { id: newId(), name };
}

/** Verifies the answer and stores the passkey; returns the user it belongs to. `sessionUserId`: who is signed in. */
export async function finishRegistration(
  store: WeakRpStore,
  response: RegistrationResponseJSON,
  sessionUserId: string | undefined,
): Promise<User> {
  const clientData = readClientData(response);
  const ceremony = store.takeRegistration(clientData.challenge);
  if (!ceremony) throw new Error("This registration was not started here, or it expired: start again.");
  if (!ceremony.isSignUp && ceremony.user.id !== sessionUserId)
    throw new Error("Sign in to add a passkey to this account.");
  const { verified, registrationInfo } = await verifyRegistrationResponse({
    response,
    expectedChallenge: clientData.challenge,
    // HOLE: origin. The origin in clientDataJSON is taken as whatever it says, so an answer made for another site
    // (a phishing page relaying the ceremony) is accepted (WebAuthn L3 §7.1). The fix: the site's own origin.
    expectedOrigin: clientData.origin,
    expectedRPID: RP_ID,
    // HOLE: UV. The options ask for user verification, but the answer need not have it (UV flag clear is accepted),
    // so a stolen security key without its PIN registers (WebAuthn L3 §7.1). The fix: leave this at true.
    requireUserVerification: false,
  });
  if (!verified) throw new Error("The passkey's answer did not verify.");
  const { credential } = registrationInfo;
  if (store.passkeys.has(credential.id)) throw new Error("This passkey is already registered.");
  if (ceremony.isSignUp && store.userNamed(ceremony.user.name))
    throw new Error(`The username “${ceremony.user.name}” is taken.`);
  store.users.set(ceremony.user.id, ceremony.user);
  store.passkeys.set(credential.id, { ...credential, userId: ceremony.user.id });
  return ceremony.user;
}
