// What a team writes to point the probes at its own site (passkey-lab.config.ts): where the site is, and how a person
// registers a passkey, signs in with it and can tell they are signed in, as Playwright steps over the real pages.
import type { LaunchOptions, Page } from "@playwright/test";

/**
 * A person the probes make up. `username`, `password` and `displayName` are fresh for each user; the site's own steps
 * may keep what they learn on it (a TOTP secret, an account id) for later steps in the same run.
 */
export type ProbeUser = { username: string; password: string; displayName: string; [siteData: string]: unknown };

export type PasskeyLabConfig = {
  /** The site's origin, e.g. "http://localhost:3000": every page the steps open is relative to it. */
  baseURL: string;
  /** The RP ID the site uses (its registrable domain or the host), e.g. "localhost" or "example.com". */
  rpId: string;
  /** Makes the account with a passkey for `user` (or adds one to it), and ends when the site says the passkey was added. */
  register(page: Page, user: ProbeUser): Promise<void>;
  /** Signs `user` in with their passkey (the site may ask for the username first). Ends when the site shows them in. */
  signIn(page: Page, user: ProbeUser): Promise<void>;
  /** Whether the page the steps left shows someone signed in. Called on that page; it may navigate. */
  isSignedIn(page: Page): Promise<boolean>;
  /** Signs out. Without it the probes clear the browser's cookies and storage instead. */
  signOut?(page: Page): Promise<void>;
  /** Signs in with a passkey without giving a username (the browser's chooser picks the credential). */
  signInUsernameless?(page: Page): Promise<void>;
  /**
   * Adds another passkey to the account `user` is signed in to (the site's "add a passkey" page). With it, the probes
   * check that a second registration of the same authenticator is refused (excludeCredentials).
   */
  addPasskey?(page: Page, user: ProbeUser): Promise<void>;
  /** Options for the browser the probes launch (e.g. executablePath for a system Chromium). */
  launchOptions?: LaunchOptions;
  /** How long one step (one of the functions above) may take, in ms (default 30 000). */
  stepTimeoutMs?: number;
};

/** Typed identity: `export default defineConfig({ ... })` in passkey-lab.config.ts. */
export function defineConfig(config: PasskeyLabConfig): PasskeyLabConfig {
  return config;
}
