// Captures what this browser can do with passkeys, for lib/compat to judge on the server. Every probe is guarded: a
// browser that lacks an API, or an extension that throws, yields "unknown", never a broken page. The cookie and the
// connection are tested by the request that sends the snapshot (start-checks.ts). Facts: docs/compat.md.
// The page carries this function as text in its inline script, so it names nothing from outside itself but types:
// the wrapping checks and the time-limited probe come in as `parts`.
import type { credentialsMethodWrapped, isNative } from "@/lib/browser/api-wrapping";
import type { probe } from "@/lib/browser/probe";
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

export type SnapshotParts = {
  isNative: typeof isNative;
  credentialsMethodWrapped: typeof credentialsMethodWrapped;
  probe: typeof probe;
};

export async function captureSnapshot(parts: SnapshotParts): Promise<EnvironmentSnapshot> {
  const { probe } = parts;
  function crossOriginFrame(): boolean | null {
    if (window.top === window.self) return false;
    try {
      return window.top?.location.origin === undefined;
    } catch {
      return true;
    }
  }

  const pkc = (typeof PublicKeyCredential === "function" ? PublicKeyCredential : undefined) as
    (PkcStatics & typeof PublicKeyCredential) | undefined;
  const credentials = navigator.credentials;
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
    publicKeyCredential: {
      present: !!pkc,
      constructorName: pkc ? pkc.name : null,
      native: pkc ? parts.isNative(pkc) : null,
      wrappedGet: parts.credentialsMethodWrapped("get", parts.isNative),
      wrappedCreate: parts.credentialsMethodWrapped("create", parts.isNative),
      ownPropertiesOnCredentials: credentials ? Object.getOwnPropertyNames(credentials).slice(0, 50) : null,
    },
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
