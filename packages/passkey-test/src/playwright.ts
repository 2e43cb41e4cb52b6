// `@passkey-lab/kit/playwright`: Playwright's `test` with passkey fixtures.
//   authenticator         Playwright's cross-browser virtual authenticator (authenticator.ts), installed in the context
//   virtualAuthenticator  Chromium only: adds a DevTools-protocol authenticator of a named kind to the page
import { test as base } from "@playwright/test";
import { Authenticator } from "./authenticator.js";
import { type AuthenticatorKind, type AuthenticatorKindName, VirtualAuthenticator } from "./virtual-authenticator.js";

export type PasskeyFixtures = {
  authenticator: Authenticator;
  virtualAuthenticator: (kind?: AuthenticatorKindName | AuthenticatorKind) => Promise<VirtualAuthenticator>;
};

export const test = base.extend<PasskeyFixtures>({
  authenticator: async ({ context }, use) => {
    await use(await Authenticator.install(context));
  },
  virtualAuthenticator: async ({ page, browserName }, use) => {
    await use(async (kind) => {
      if (browserName !== "chromium")
        throw new Error(
          `virtualAuthenticator needs Chromium's DevTools protocol; this is ${browserName} (use authenticator instead)`,
        );
      return VirtualAuthenticator.attach(page, kind);
    });
  },
});

export { expect } from "@playwright/test";
export { Authenticator, type PasskeyStorageState, type SeedOptions, type StoredCredential } from "./authenticator.js";
export { authenticatorKinds, installAutofillSwitch, VirtualAuthenticator } from "./virtual-authenticator.js";
export type { AuthenticatorKind, AuthenticatorKindName, VirtualCredential } from "./virtual-authenticator.js";
