// Captures what this browser can do with passkeys, for lib/compat to judge on the server. Every probe is guarded: a
// browser that lacks an API, or an extension that throws, yields "unknown", never a broken page. The cookie and the
// connection are tested by the request that sends the snapshot (run-checks.ts). Facts: docs/compat.md.
import { credentialsMethodWrapped, isNative } from "@/lib/browser/api-wrapping";
import type { EnvironmentSnapshot } from "@/lib/compat/snapshot";

type PkcStatics = {
  isConditionalMediationAvailable?: () => Promise<boolean>;
  getClientCapabilities?: () => Promise<Record<string, boolean>>;
  parseCreationOptionsFromJSON?: unknown;
  parseRequestOptionsFromJSON?: unknown;
  signalUnknownCredential?: unknown;
  signalAllAcceptedCredentials?: unknown;
  signalCurrentUserDetails?: unknown;
};

type UaData = {
  brands?: { brand: string; version: string }[];
  mobile?: boolean;
  platform?: string;
  getHighEntropyValues?: (hints: string[]) => Promise<Record<string, unknown>>;
};

/** Resolves to the probe's answer, or null when it throws or takes longer than `ms` (a hung extension). */
async function probe<T>(run: () => Promise<T> | T, ms = 300): Promise<T | null> {
  try {
    return await Promise.race([
      Promise.resolve().then(run),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
    ]);
  } catch {
    return null;
  }
}

function describeCredentialsApi(): EnvironmentSnapshot["publicKeyCredential"] {
  const present = typeof PublicKeyCredential === "function";
  const credentials = navigator.credentials;
  return {
    present,
    constructorName: present ? PublicKeyCredential.name : null,
    native: present ? isNative(PublicKeyCredential) : null,
    wrappedGet: credentialsMethodWrapped("get"),
    wrappedCreate: credentialsMethodWrapped("create"),
    ownPropertiesOnCredentials: credentials ? Object.getOwnPropertyNames(credentials).slice(0, 50) : null,
  };
}

function crossOriginFrame(): boolean | null {
  if (window.top === window.self) return false;
  try {
    return window.top?.location.origin === undefined;
  } catch {
    return true;
  }
}

export async function captureSnapshot(): Promise<EnvironmentSnapshot> {
  const pkc = (typeof PublicKeyCredential === "function" ? PublicKeyCredential : undefined) as
    (PkcStatics & typeof PublicKeyCredential) | undefined;
  const uaData = (navigator as Navigator & { userAgentData?: UaData }).userAgentData;
  const [isUVPAA, conditional, capabilities, highEntropy] = await Promise.all([
    probe(() => pkc?.isUserVerifyingPlatformAuthenticatorAvailable() ?? null),
    probe(() => pkc?.isConditionalMediationAvailable?.() ?? null),
    probe(() => pkc?.getClientCapabilities?.() ?? null),
    probe(() => uaData?.getHighEntropyValues?.(["platformVersion", "fullVersionList", "model"]) ?? null),
  ]);
  const entropy = (highEntropy ?? {}) as {
    platformVersion?: string;
    fullVersionList?: { brand: string; version: string }[];
    model?: string;
  };
  return {
    javascript: true,
    userAgent: navigator.userAgent.slice(0, 1000),
    userAgentData: uaData
      ? {
          brands: uaData.brands?.slice(0, 50) ?? null,
          mobile: uaData.mobile ?? null,
          platform: uaData.platform ?? null,
          platformVersion: entropy.platformVersion ?? null,
          fullVersionList: entropy.fullVersionList?.slice(0, 50) ?? null,
          model: entropy.model ?? null,
        }
      : null,
    isSecureContext: window.isSecureContext,
    location: { origin: location.origin, protocol: location.protocol, hostname: location.hostname },
    inIframe: window.top !== window.self,
    crossOriginIframe: crossOriginFrame(),
    cookiesEnabled: navigator.cookieEnabled,
    // Judged by the server from the request that carries this snapshot.
    cookieRoundTrip: null,
    serverReachable: null,
    publicKeyCredential: describeCredentialsApi(),
    isUVPAA: typeof isUVPAA === "boolean" ? isUVPAA : null,
    conditionalMediation: typeof conditional === "boolean" ? conditional : null,
    // Booleans only: the server refuses anything else, and a stand-in PublicKeyCredential may answer oddly.
    clientCapabilities:
      capabilities && typeof capabilities === "object"
        ? Object.fromEntries(
            Object.entries(capabilities)
              .filter(([, value]) => typeof value === "boolean")
              .slice(0, 50),
          )
        : null,
    jsonHelpers: pkc
      ? {
          parseCreationOptionsFromJSON: typeof pkc.parseCreationOptionsFromJSON === "function",
          parseRequestOptionsFromJSON: typeof pkc.parseRequestOptionsFromJSON === "function",
          toJSON: typeof pkc.prototype?.toJSON === "function",
        }
      : null,
    signalApi: pkc
      ? {
          signalUnknownCredential: typeof pkc.signalUnknownCredential === "function",
          signalAllAcceptedCredentials: typeof pkc.signalAllAcceptedCredentials === "function",
          signalCurrentUserDetails: typeof pkc.signalCurrentUserDetails === "function",
        }
      : null,
  };
}
