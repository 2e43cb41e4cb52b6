// The sending half of report-ceremony.ts, loaded after a ceremony ends: the browser's answers to the capability
// probes and the event, posted once; failures are swallowed there.
import { reportBrowserEventAction } from "@/lib/browser-events/actions";
import {
  MAX_DURATION_MS,
  outcomeOf,
  type BrowserEventReport,
  type Ceremony,
  type Mediation,
} from "@/lib/browser-events/vocabulary";
import { credentialsMethodWrapped, isNative } from "./api-wrapping";
import { probe } from "./probe";

type PkcStatics = {
  isUserVerifyingPlatformAuthenticatorAvailable?: () => Promise<boolean>;
  isConditionalMediationAvailable?: () => Promise<boolean>;
  getClientCapabilities?: () => Promise<Record<string, unknown>>;
  signalUnknownCredential?: unknown;
};

const flag = (value: unknown) => (typeof value === "boolean" ? value : null);

async function capabilities(): Promise<BrowserEventReport["capabilities"]> {
  const pkc = (typeof PublicKeyCredential === "function" ? PublicKeyCredential : undefined) as PkcStatics | undefined;
  const [platformAuthenticator, conditionalMediation, listed] = await Promise.all([
    probe(() => pkc?.isUserVerifyingPlatformAuthenticatorAvailable?.()),
    probe(() => pkc?.isConditionalMediationAvailable?.()),
    probe(() => pkc?.getClientCapabilities?.()),
  ]);
  const keys = (listed && typeof listed === "object" ? listed : {}) as Record<string, unknown>;
  return {
    secureContext: typeof window === "undefined" ? null : window.isSecureContext,
    platformAuthenticator: flag(platformAuthenticator),
    conditionalMediation: flag(conditionalMediation),
    hybridTransport: flag(keys.hybridTransport),
    passkeyPlatformAuthenticator: flag(keys.passkeyPlatformAuthenticator),
    signalApi: pkc ? typeof pkc.signalUnknownCredential === "function" : null,
  };
}

export async function sendBrowserEvent(ceremony: Ceremony, mediation: Mediation, startedAt: number, error: unknown) {
  const outcome = outcomeOf(error);
  // An autofill request is aborted by the page whenever the person uses the button instead: that says nothing.
  if (mediation === "conditional" && outcome === "AbortError") return;
  const event: BrowserEventReport = {
    ceremony,
    mediation,
    outcome,
    durationMs: Math.min(Math.max(0, Math.round(Date.now() - startedAt)), MAX_DURATION_MS),
    wrapped: credentialsMethodWrapped(
      ceremony === "add-passkey" || ceremony === "live-test-create" ? "create" : "get",
      isNative,
    ),
    capabilities: await capabilities(),
  };
  await reportBrowserEventAction(event);
}
