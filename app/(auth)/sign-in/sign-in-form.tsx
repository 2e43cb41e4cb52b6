"use client";

import { lazy, Suspense, useActionState, useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { reachServer } from "@/lib/browser/server-unreachable";
import { reported } from "@/lib/browser/report-ceremony";
import { describeBrowserError, signalUnknownCredential, wasCancelled } from "@/lib/browser/webauthn-browser";
import type { SecondFactorText } from "@/lib/i18n/second-factor-text";
import {
  finishPasskeySignInAction,
  signInWithPasswordAction,
  startPasskeySignInAction,
  type PasswordState,
} from "./actions";

// Both are loaded after the page is up, not with it. The second step is needed only after a correct password;
// @simplewebauthn/browser only once the page has asked for autofill (right after hydration) or the options request has
// answered, so its download overlaps that instead of holding up the page.
const loadWebAuthn = () => import("@simplewebauthn/browser");
const SecondFactorForm = lazy(() =>
  import("./second-factor-form").then((module) => ({ default: module.SecondFactorForm })),
);

type Message = { message: string; detail?: string; causes?: string[]; fixes?: string[] } | null;

/** The form's words in the page's language, translated on the server (page.tsx; decision 027). */
export type SignInFormText = {
  email: string;
  password: string;
  loading: string;
  forgotPassword: string;
  lockedOut: ReactNode;
  withPassword: string;
  or: string;
  withPasskey: string;
  passkeyModes: string;
  secondFactor: SecondFactorText;
};

/** `returnTo` is where a signed-in person goes next, already checked by the page (lib/auth/return-path.ts). */
export function SignInForm({ rpId, returnTo, text }: { rpId: string; returnTo: string; text: SignInFormText }) {
  const [passwordState, passwordAction, passwordPending] = useActionState<PasswordState, FormData>(
    signInWithPasswordAction,
    null,
  );
  const [passkeyMessage, setPasskeyMessage] = useState<Message>(null);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  // React resets the form after its action; what was typed comes back as the field's default (never the password).
  const [typedEmail, setTypedEmail] = useState("");
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const router = useRouter();

  // The busy button gave up focus: put the person back where they retype.
  useEffect(() => {
    if (passwordState && !passwordState.ok) passwordRef.current?.focus();
  }, [passwordState]);

  /** Resolves to false when the attempt failed; on success the session cookie is set and the page moves to `returnTo`. */
  const signInWithPasskey = useCallback(
    async (mode: "button" | "autofill"): Promise<boolean> => {
      const email = mode === "button" ? emailRef.current?.value : undefined;
      if (mode === "button") {
        setPasskeyBusy(true);
        setPasskeyMessage(null);
      }
      let signedIn = false;
      try {
        const start = await reachServer(startPasskeySignInAction(email));
        if (!start.ok) {
          setPasskeyMessage(start);
          return false;
        }
        let response;
        // When the browser got the request: a refusal at the options' timeout says it timed out.
        const timing = { startedAt: Date.now(), timeoutMs: start.data.options.timeout };
        try {
          const { startAuthentication } = await loadWebAuthn();
          const autofill = mode === "autofill";
          response = await reported(
            "sign-in",
            () => startAuthentication({ optionsJSON: start.data.options, useBrowserAutofill: autofill }),
            autofill ? "conditional" : "modal",
          );
        } catch (error) {
          // Autofill requests are cancelled whenever the person does something else: not worth a message.
          if (!(mode === "autofill" && wasCancelled(error)))
            setPasskeyMessage(await describeBrowserError(error, "get", timing));
          return false;
        }
        const result = await reachServer(
          finishPasskeySignInAction(start.data.ceremonyId, response, mode === "autofill" ? "autofill" : "button"),
        );
        if (!result.ok) {
          setPasskeyMessage(result);
          if (result.code === "passkey:unknown-credential") await signalUnknownCredential(rpId, response.id);
          return false;
        }
        signedIn = true;
        router.replace(returnTo);
        return true;
      } finally {
        // Signed in, the button stays busy until the next page replaces this one.
        if (mode === "button" && !signedIn) setPasskeyBusy(false);
      }
    },
    [rpId, router, returnTo],
  );

  // Autofill (conditional mediation): passkeys offered in the username field's suggestions.
  const startAutofill = useCallback(async () => {
    let supported = false;
    try {
      supported = await (await loadWebAuthn()).browserSupportsWebAuthnAutofill();
    } catch {
      // The library could not be loaded (offline): autofill is an extra, and the button still says what went wrong.
    }
    if (supported) await signInWithPasskey("autofill");
  }, [signInWithPasskey]);

  useEffect(() => {
    void startAutofill();
  }, [startAutofill]);

  async function signInWithButton() {
    // The button cancels a pending autofill request; offer autofill again if the button's attempt fails.
    if (!(await signInWithPasskey("button"))) void startAutofill();
  }

  if (passwordState?.ok) {
    return (
      <Suspense
        fallback={
          <p role="status" className="text-sm text-slate-600">
            {text.loading}
          </p>
        }
      >
        <SecondFactorForm pendingToken={passwordState.pendingToken} returnTo={returnTo} text={text.secondFactor} />
      </Suspense>
    );
  }

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <form
        action={passwordAction}
        onSubmit={() => setTypedEmail(emailRef.current?.value ?? "")}
        className="flex flex-col gap-4"
      >
        <input type="hidden" name="returnTo" value={returnTo} />
        <Field
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          label={text.email}
          autoComplete="username webauthn"
          required
          defaultValue={typedEmail}
        />
        <Field
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          label={text.password}
          autoComplete="current-password"
          required
        />
        <a href="/forgot-password" className="-mt-2 self-start text-sm text-brand-700 underline">
          {text.forgotPassword}
        </a>
        <Alert tone="error">{passwordState && !passwordState.ok ? passwordState.message : null}</Alert>
        {passwordState && !passwordState.ok && passwordState.code === "auth:invalid-credentials" && (
          // Said after every refusal alike (a lock looks like a wrong password: security bar E41), so it tells nothing.
          <p className="text-sm text-slate-600">{text.lockedOut}</p>
        )}
        <Button type="submit" busy={passwordPending}>
          {text.withPassword}
        </Button>
      </form>
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
        <span className="h-px flex-1 bg-slate-200" /> {text.or} <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Button type="button" variant="secondary" busy={passkeyBusy} onClick={() => void signInWithButton()}>
        {text.withPasskey}
      </Button>
      <p className="text-xs text-slate-600">{text.passkeyModes}</p>
      <Alert tone="error" detail={passkeyMessage?.detail} causes={passkeyMessage?.causes} fixes={passkeyMessage?.fixes}>
        {passkeyMessage?.message}
      </Alert>
    </div>
  );
}
