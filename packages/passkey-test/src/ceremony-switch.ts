// The page side of Authenticator's switches. Playwright's authenticator (context.credentials.install()) replaces
// navigator.credentials.create/get in every page with its own functions, which answer every request at once and
// know no failure. This init script wraps those functions (it is added after install(), so it runs after Playwright's
// own script in each new document) and, before each ceremony, asks the test what to do through a binding.

export const SWITCH_BINDING = "__passkeyLabCeremonySwitch";

export type CeremonyRequest = { method: "create" | "get"; conditional: boolean };

/** What the test asked for, one answer per ceremony. */
export type CeremonyPlan = { fail?: { name: string; message: string }; autofill: boolean };

/** Runs in the page (serialised by addInitScript): no closures, no imports. */
export function wrapCeremonies(bindingName: string): void {
  const ask = (globalThis as unknown as Record<string, (request: CeremonyRequest) => Promise<CeremonyPlan>>)[
    bindingName
  ];
  const credentials = globalThis.navigator?.credentials;
  if (!ask || !credentials) return;
  for (const method of ["create", "get"] as const) {
    const answer = credentials[method].bind(credentials) as (
      options?: CredentialRequestOptions,
    ) => Promise<Credential | null>;
    credentials[method] = async (options?: CredentialRequestOptions & CredentialCreationOptions) => {
      if (!options?.publicKey) return answer(options);
      const conditional = options.mediation === "conditional";
      const plan = await ask({ method, conditional });
      // A real browser settles an autofill request only when the person picks the passkey from the suggestions; while
      // autofill is off it waits, like a person who never does, until the page aborts it.
      if (conditional && !plan.autofill) {
        return new Promise((_, reject) => {
          options.signal?.addEventListener("abort", () =>
            reject(options.signal!.reason ?? new DOMException("The operation was aborted.", "AbortError")),
          );
        });
      }
      if (plan.fail) throw new DOMException(plan.fail.message, plan.fail.name);
      return answer(options);
    };
  }
}
