// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// Users, passkeys, challenges and sessions, in memory: a restart forgets everything, which is all a test site needs.
import { randomBytes } from "node:crypto";
import type { WebAuthnCredential } from "@simplewebauthn/server";

export type User = { id: string; name: string };
/** A passkey as SimpleWebAuthn describes it, and whose it is. */
export type StoredPasskey = WebAuthnCredential & { userId: string };

/** A registration is for a new account (sign-up: the user exists only once it succeeds) or for the signed-in one. */
export type RegistrationCeremony = { user: User; isSignUp: boolean; expiresAt: number };
/** A sign-in names the account it is for (username-first), or none (usernameless). */
export type SignInCeremony = { userId: string | null; expiresAt: number };

const CHALLENGE_LIFETIME_MS = 5 * 60_000;

export const newId = (bytes = 32): string => randomBytes(bytes).toString("base64url");

export class WeakRpStore {
  readonly users = new Map<string, User>();
  readonly passkeys = new Map<string, StoredPasskey>();
  readonly sessions = new Map<string, string>();
  // Kept per purpose, so a registration's challenge can never answer a sign-in (and the other way round).
  readonly registrations = new Map<string, RegistrationCeremony>();
  readonly signIns = new Map<string, SignInCeremony>();

  userNamed(name: string): User | undefined {
    return [...this.users.values()].find((user) => user.name === name);
  }

  passkeysOf(userId: string): StoredPasskey[] {
    return [...this.passkeys.values()].filter((passkey) => passkey.userId === userId);
  }

  startRegistration(challenge: string, user: User, isSignUp: boolean): void {
    this.registrations.set(challenge, { user, isSignUp, expiresAt: Date.now() + CHALLENGE_LIFETIME_MS });
  }

  /** The registration `challenge` was issued for, used up by this call: a registration challenge answers once. */
  takeRegistration(challenge: string): RegistrationCeremony | undefined {
    const ceremony = this.registrations.get(challenge);
    this.registrations.delete(challenge);
    return ceremony && ceremony.expiresAt > Date.now() ? ceremony : undefined;
  }

  startSignIn(challenge: string, userId: string | null): void {
    this.signIns.set(challenge, { userId, expiresAt: Date.now() + CHALLENGE_LIFETIME_MS });
  }

  findSignIn(challenge: string): SignInCeremony | undefined {
    const ceremony = this.signIns.get(challenge);
    if (ceremony && ceremony.expiresAt <= Date.now()) this.signIns.delete(challenge);
    // HOLE: replay. The sign-in challenge is looked up but never consumed, so it stays valid until it expires and the
    // same assertion can be sent again (WebAuthn L3 §13.4.3: a challenge must be used once). The fix: delete it here.
    return ceremony && ceremony.expiresAt > Date.now() ? ceremony : undefined;
  }

  startSession(userId: string): string {
    const sessionId = newId();
    this.sessions.set(sessionId, userId);
    return sessionId;
  }
}
