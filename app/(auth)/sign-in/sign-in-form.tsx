"use client";

import { browserSupportsWebAuthnAutofill, startAuthentication } from "@simplewebauthn/browser";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { describeBrowserError, signalUnknownCredential } from "@/components/webauthn-browser";
import {
  finishPasskeySignInAction,
  signInWithPasswordAction,
  startPasskeySignInAction,
  type PasswordState,
} from "./actions";
import { SecondFactorForm } from "./second-factor-form";

type Message = { message: string; detail?: string } | null;

export function SignInForm({ rpId }: { rpId: string }) {
  const [passwordState, passwordAction, passwordPending] = useActionState<PasswordState, FormData>(signInWithPasswordAction, null);
  const [passkeyMessage, setPasskeyMessage] = useState<Message>(null);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  /** Resolves to false when the attempt failed (on success the server action navigates away). */
  const signInWithPasskey = useCallback(
    async (mode: "button" | "autofill"): Promise<boolean> => {
      const email = mode === "button" ? emailRef.current?.value : undefined;
      if (mode === "button") {
        setPasskeyBusy(true);
        setPasskeyMessage(null);
      }
      try {
        const start = await startPasskeySignInAction(email);
        if (!start.ok) {
          setPasskeyMessage(start);
          return false;
        }
        let response;
        try {
          response = await startAuthentication({ optionsJSON: start.data.options, useBrowserAutofill: mode === "autofill" });
        } catch (error) {
          const failure = describeBrowserError(error);
          // Autofill requests are cancelled whenever the person does something else: not worth a message.
          if (!(mode === "autofill" && failure.cancelled)) setPasskeyMessage(failure);
          return false;
        }
        const result = await finishPasskeySignInAction(start.data.ceremonyId, response);
        if (result && !result.ok) {
          setPasskeyMessage(result);
          if (result.code === "passkey:unknown-credential") await signalUnknownCredential(rpId, response.id);
          return false;
        }
        return true;
      } finally {
        if (mode === "button") setPasskeyBusy(false);
      }
    },
    [rpId],
  );

  // Autofill (conditional mediation): passkeys offered in the username field's suggestions.
  const startAutofill = useCallback(async () => {
    if (await browserSupportsWebAuthnAutofill()) await signInWithPasskey("autofill");
  }, [signInWithPasskey]);

  useEffect(() => {
    void startAutofill();
  }, [startAutofill]);

  async function signInWithButton() {
    // The button cancels a pending autofill request; offer autofill again if the button's attempt fails.
    if (!(await signInWithPasskey("button"))) void startAutofill();
  }

  if (passwordState?.ok) return <SecondFactorForm pendingToken={passwordState.pendingToken} />;

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <form action={passwordAction} className="flex flex-col gap-4">
        <Field
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="username webauthn"
          required
        />
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
        <Alert tone="error">{passwordState && !passwordState.ok ? passwordState.message : null}</Alert>
        <Button type="submit" busy={passwordPending}>
          Sign in with password
        </Button>
      </form>
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
        <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Button type="button" variant="secondary" busy={passkeyBusy} onClick={() => void signInWithButton()}>
        Sign in with a passkey
      </Button>
      <p className="text-xs text-slate-600">
        With an email filled in, we ask for that account&apos;s passkeys (username-first). With it empty, your browser
        offers every passkey it has for this site (usernameless). Your passkeys also appear in the email field&apos;s
        suggestions (autofill).
      </p>
      <Alert tone="error" detail={passkeyMessage?.detail}>
        {passkeyMessage?.message}
      </Alert>
    </div>
  );
}
