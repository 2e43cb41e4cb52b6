"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { reachServer } from "@/lib/browser/server-unreachable";
import { browserCan, getImmediately } from "@/lib/browser/newer-ceremonies";
import { reported } from "@/lib/browser/report-ceremony";
import { signalUnknownCredential } from "@/lib/browser/webauthn-browser";
import { finishPasskeySignInAction, startPasskeySignInAction } from "./actions";

/** The words, in the page's language (messages/*.json, `immediateSignIn`). */
export type ImmediateSignInText = { button: string; hint: string; noneHere: string; failed: string };

type State = "hidden" | "ready" | "busy" | "none-here" | "failed";

/** Immediate mediation refuses without any dialog when there is nothing here; a later refusal was a closed chooser. */
const FAST_REFUSAL_MS = 3_000;

/**
 * Immediate sign-in (`uiMode: "immediate"`, Chrome 148+): one button that shows the browser's own chooser at once when
 * this device holds a passkey for the site, and otherwise fails fast, without a dialog, to the password form below.
 * Shown only where getClientCapabilities() says `immediateGet`; the usual passkey button stays for every other case.
 */
export function ImmediateSignIn({
  rpId,
  returnTo,
  text,
}: {
  rpId: string;
  returnTo: string;
  text: ImmediateSignInText;
}) {
  const [state, setState] = useState<State>("hidden");
  const router = useRouter();

  useEffect(() => {
    void browserCan("immediateGet").then((can) => can && setState("ready"));
  }, []);

  async function signIn() {
    setState("busy");
    // The email field's autofill request is pending (conditional get), and a second request would fail with "A request
    // is already pending": end it first, as @simplewebauthn/browser does before each of its own.
    (await import("@simplewebauthn/browser")).WebAuthnAbortService.cancelCeremony();
    const start = await reachServer(startPasskeySignInAction());
    if (!start.ok) return setState("failed");
    let response;
    const startedAt = Date.now();
    try {
      response = await reported("sign-in", () => getImmediately(start.data.options), "immediate");
    } catch {
      // A refusal at once: nothing for this site on this device. Later: the person closed the browser's chooser.
      setState(Date.now() - startedAt < FAST_REFUSAL_MS ? "none-here" : "failed");
      document.getElementById("email")?.focus();
      return;
    }
    const result = await reachServer(finishPasskeySignInAction(start.data.ceremonyId, response, "immediate"));
    if (!result.ok) {
      // A passkey whose account is gone: ask the provider to hide it (Signal API), as the other sign-in modes do.
      if (result.code === "passkey:unknown-credential") await signalUnknownCredential(rpId, response.id);
      return setState("failed");
    }
    router.replace(returnTo);
  }

  if (state === "hidden") return null;
  if (state === "none-here" || state === "failed")
    return (
      <p role="status" className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700">
        {state === "none-here" ? text.noneHere : text.failed}
      </p>
    );
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" onClick={() => void signIn()} busy={state === "busy"}>
        {text.button}
      </Button>
      <p className="text-xs text-slate-600">{text.hint}</p>
    </div>
  );
}
