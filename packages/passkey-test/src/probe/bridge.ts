// The probes' authenticator, on the Node side of the page bridge (page-script.ts). It answers the site's ceremonies
// with the repository's software authenticator and records each one, and the probe can decide, one ceremony ahead,
// that the next answer is refused (as a browser reports a cancel or a timeout) or tampered with before the site sees it.
import type { BrowserContext } from "@playwright/test";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { coseAlgorithmId, SoftwareAuthenticator } from "@/lib/authenticator";
import { authDataOf, decodeAttestationObject } from "@/lib/authenticator/mutations/wire";
import { BINDING, PAGE_SCRIPT } from "./page-script";

export type CeremonyRequest =
  | { kind: "create"; mediation: string; origin: string; options: PublicKeyCredentialCreationOptionsJSON }
  | { kind: "get"; mediation: string; origin: string; options: PublicKeyCredentialRequestOptionsJSON };

/** One ceremony as the site asked for it and as the probe answered it. */
export type Ceremony = CeremonyRequest & {
  answer?: RegistrationResponseJSON | AuthenticationResponseJSON;
  refused?: string;
};

type PageAnswer =
  | { pending: true }
  | { error: { name: string; message: string } }
  | {
      credential: RegistrationResponseJSON | AuthenticationResponseJSON;
      authenticatorData?: string;
      publicKey?: string;
      publicKeyAlgorithm?: number;
    };

/** How the next modal sign-in is answered: refused like a browser would, or with an assertion the probe makes. */
export type SignInPlan =
  | { refuse: { name: string; message: string } }
  | {
      answer: (
        request: Extract<CeremonyRequest, { kind: "get" }>,
        authenticator: ProbeAuthenticator,
      ) => AuthenticationResponseJSON;
    };

const domError = (error: unknown) => ({
  name:
    error instanceof Error && /^[A-Z][A-Za-z]+Error$/.test(error.name) && error.name !== "Error"
      ? error.name
      : "NotAllowedError",
  message: error instanceof Error ? error.message : String(error),
});

export class ProbeAuthenticator {
  /** Refuses to register twice for one account (excludeCredentials), as real authenticators do. */
  readonly software = new SoftwareAuthenticator({ honorExcludeCredentials: true });
  /** The credential sign-ins use when the site lists none (usernameless) or lists several of ours. */
  signingWith: string | undefined;
  readonly ceremonies: Ceremony[] = [];
  private plan: SignInPlan | undefined;
  private waiting: ((ceremony: Ceremony) => void)[] = [];

  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding(BINDING, (_source, request: CeremonyRequest) => this.answer(request));
    await context.addInitScript({ content: PAGE_SCRIPT });
  }

  /** The next modal sign-in (not passkey autofill) is answered by `plan`; later ones normally again. */
  planNextSignIn(plan: SignInPlan | undefined): void {
    this.plan = plan;
  }

  /** Resolves when the site has had its answer to the next modal ceremony (or a refusal). */
  nextCeremony(): Promise<Ceremony> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A normal, valid assertion by `credentialId` (or the one sign-ins use) for `request`. */
  assert(
    request: Extract<CeremonyRequest, { kind: "get" }>,
    credentialId = this.credentialFor(request.options),
  ): AuthenticationResponseJSON {
    return this.software.authenticate(request.options, request.origin, { credentialId });
  }

  credentialFor(options: PublicKeyCredentialRequestOptionsJSON): string | undefined {
    const allowed = options.allowCredentials?.map((credential) => credential.id) ?? [];
    if (allowed.length === 0 || (this.signingWith && allowed.includes(this.signingWith))) return this.signingWith;
    return undefined; // the software authenticator picks the first one of ours that is allowed
  }

  private answer(request: CeremonyRequest): PageAnswer {
    // Passkey autofill waits for a person to pick a passkey; the probes never do, so the site's abort ends it.
    if (request.mediation === "conditional") return { pending: true };
    const ceremony: Ceremony = { ...request };
    this.ceremonies.push(ceremony);
    try {
      return request.kind === "create" ? this.register(request, ceremony) : this.signIn(request, ceremony);
    } catch (error) {
      ceremony.refused = domError(error).name;
      return { error: domError(error) };
    } finally {
      for (const resolve of this.waiting.splice(0)) resolve(ceremony);
    }
  }

  private register(request: Extract<CeremonyRequest, { kind: "create" }>, ceremony: Ceremony): PageAnswer {
    const credential = this.software.register(request.options, request.origin, { attestation: "none" });
    ceremony.answer = credential;
    const { publicKey, algorithm } = this.software.credential(credential.id);
    return {
      credential,
      authenticatorData: authDataOf(decodeAttestationObject(credential.response.attestationObject)).toString(
        "base64url",
      ),
      publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64url"),
      publicKeyAlgorithm: coseAlgorithmId(algorithm),
    };
  }

  private signIn(request: Extract<CeremonyRequest, { kind: "get" }>, ceremony: Ceremony): PageAnswer {
    const plan = this.plan;
    this.plan = undefined;
    if (plan && "refuse" in plan) {
      ceremony.refused = plan.refuse.name;
      return { error: plan.refuse };
    }
    const credential = plan ? plan.answer(request, this) : this.assert(request);
    ceremony.answer = credential;
    return { credential };
  }
}
