// A passkey authenticator for a browser context over Playwright's own virtual authenticator (context.credentials,
// Playwright 1.61+): no DevTools protocol, so the same test runs in Chromium, Firefox and WebKit. It adds what tests
// of a site's passkey pages need on top: seeding a known credential, reading a counter, making the next ceremony fail
// or be cancelled, autofill on or off, and carrying credentials from one test to the next.
import type { BrowserContext } from "@playwright/test";
import { SWITCH_BINDING, wrapCeremonies, type CeremonyPlan, type CeremonyRequest } from "./ceremony-switch.js";

/** A credential as Playwright keeps it, private key included: what `seed` takes back in a later test. */
export type StoredCredential = Awaited<ReturnType<BrowserContext["credentials"]["get"]>>[number];

/** A storage state with the context's credentials in it (Playwright's own type does not list them yet). */
export type PasskeyStorageState = Awaited<ReturnType<BrowserContext["storageState"]>> & {
  credentials?: StoredCredential[];
};

export type SeedOptions = Partial<Omit<StoredCredential, "rpId">>;

export class Authenticator {
  private nextFailure: CeremonyPlan["fail"];
  private autofill = false;

  private constructor(readonly context: BrowserContext) {}

  /** Installs the authenticator into `context` (before its pages first call navigator.credentials). */
  static async install(context: BrowserContext): Promise<Authenticator> {
    const authenticator = new Authenticator(context);
    await context.credentials.install();
    await context.exposeBinding(SWITCH_BINDING, (_source, request: CeremonyRequest) =>
      authenticator.planCeremony(request),
    );
    await context.addInitScript(wrapCeremonies, SWITCH_BINDING);
    return authenticator;
  }

  private planCeremony({ conditional }: CeremonyRequest): CeremonyPlan {
    // An autofill request runs beside the ceremony a test means; it must not use up the failure planned for that one.
    if (conditional) return { autofill: this.autofill };
    const fail = this.nextFailure;
    this.nextFailure = undefined;
    return { fail, autofill: this.autofill };
  }

  /**
   * Adds a discoverable credential for `rpId`: a fresh P-256 key pair, or the one given (all of id, userHandle,
   * privateKey and publicKey, e.g. a credential from `credentials()` in an earlier test).
   */
  async seed(rpId: string, credential: SeedOptions = {}): Promise<StoredCredential> {
    return this.context.credentials.create(rpId, credential);
  }

  /** Every credential it holds (those seeded and those the site registered), private keys and counters included. */
  async credentials(filter?: { rpId?: string; id?: string }): Promise<StoredCredential[]> {
    return this.context.credentials.get(filter);
  }

  /** The signature counter of credential `id`, as the site saw it in the last assertion. */
  async counter(id: string): Promise<number> {
    const [credential] = await this.credentials({ id });
    if (!credential) throw new Error(`the authenticator holds no credential ${id}`);
    return credential.signCount;
  }

  async remove(id: string): Promise<void> {
    await this.context.credentials.delete(id);
  }

  /**
   * The next ceremony (create or get, autofill excluded) rejects with this DOMException, as a browser's does when
   * user verification fails or the request times out: NotAllowedError by default.
   */
  failNextCeremony(name = "NotAllowedError", message = "The operation either timed out or was not allowed."): void {
    this.nextFailure = { name, message };
  }

  /** The next ceremony is cancelled by the person: browsers reject it with a NotAllowedError that says so. */
  cancelNextCeremony(): void {
    this.failNextCeremony("NotAllowedError", "The user cancelled the request.");
  }

  /**
   * Whether an autofill (conditional mediation) request is answered, as when the person picks the passkey from the
   * suggestions. Off by default: such a request then waits until the page aborts it, so only the site's buttons sign in.
   */
  setAutofill(enabled: boolean): void {
    this.autofill = enabled;
  }

  /**
   * The context's storage state with its credentials, for `browser.newContext({ storageState })` or
   * `test.use({ storageState })` in a later test: the passkey and the site's cookies travel together.
   */
  async storageState(path?: string): Promise<PasskeyStorageState> {
    return this.context.storageState({ path, credentials: true });
  }
}
