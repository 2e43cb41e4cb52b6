// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// For weak-rp.test.ts: a person visiting the site over HTTP, with a cookie jar and the repository's software
// authenticator in place of the page's navigator.credentials calls.
import { SoftwareAuthenticator, type AuthenticateChoices, type RegisterChoices } from "@/lib/authenticator";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

export type Answer = { status: number; body: { ok: boolean; error?: string; options?: unknown } };

export class Visitor {
  private cookie = "";

  constructor(
    readonly site: string,
    readonly authenticator = new SoftwareAuthenticator({ honorExcludeCredentials: true }),
  ) {}

  /** The same browser (its cookies) with another authenticator plugged in. */
  withAuthenticator(authenticator: SoftwareAuthenticator): Visitor {
    const visitor = new Visitor(this.site, authenticator);
    visitor.cookie = this.cookie;
    return visitor;
  }

  async post(path: string, body: unknown, contentType = "application/json"): Promise<Answer> {
    const answer = await fetch(new URL(path, this.site), {
      method: "POST",
      headers: { "content-type": contentType, cookie: this.cookie },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const setCookie = answer.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0];
    return { status: answer.status, body: await answer.json() };
  }

  /** The name the page says is signed in, or null when it shows the sign-in forms. */
  async signedInAs(): Promise<string | null> {
    const page = await (await fetch(this.site, { headers: { cookie: this.cookie } })).text();
    return page.match(/Signed in as <strong id="who">([^<]*)<\/strong>/)?.[1] ?? null;
  }

  async creationOptions(
    path: "/api/sign-up/options" | "/api/passkeys/options",
    username?: string,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return this.options(path, { username });
  }

  async requestOptions(username = ""): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.options("/api/sign-in/options", { username });
  }

  /** A registration the site must take: sign-up for `username`, or (without one) another passkey for this account. */
  async register(username?: string, choices: RegisterChoices = {}): Promise<RegistrationResponseJSON> {
    const options = await this.creationOptions(username ? "/api/sign-up/options" : "/api/passkeys/options", username);
    const response = this.authenticator.register(options, this.site, choices);
    const answer = await this.post("/api/register/verify", { response });
    if (answer.status !== 200) throw new Error(`registration refused: ${answer.body.error}`);
    return response;
  }

  /** An assertion for fresh options (username-first with `username`, else usernameless); the caller posts it. */
  async assertion(username = "", choices: AuthenticateChoices = {}): Promise<AuthenticationResponseJSON> {
    return this.authenticator.authenticate(await this.requestOptions(username), this.site, choices);
  }

  signIn(response: unknown): Promise<Answer> {
    return this.post("/api/sign-in/verify", { response });
  }

  private async options<T>(path: string, body: unknown): Promise<T> {
    const answer = await this.post(path, body);
    if (answer.status !== 200) throw new Error(`${path} refused: ${answer.body.error}`);
    return answer.body.options as T;
  }
}
