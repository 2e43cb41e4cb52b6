// What the troubleshooting page captures in the browser and sends here. Everything the browser may lack is nullish:
// Firefox and Safari have no userAgentData, insecure pages have no PublicKeyCredential, older browsers lack
// getClientCapabilities(). Objects are strict and sizes bounded, so a tampered or runaway report is refused rather
// than stored or shown to staff.
import { z } from "zod";

const MAX_STRING = 1000;
const MAX_ITEMS = 50;

const text = z.string().max(MAX_STRING);
const flag = z.boolean().nullish();
const probe = z.enum(["ok", "failed", "unknown"]);

/** navigator.userAgentData brands and getHighEntropyValues(['fullVersionList']) entries. */
const brandVersion = z.strictObject({ brand: text, version: text });

/**
 * navigator.userAgentData (Chromium only) merged with getHighEntropyValues(['platformVersion', 'fullVersionList',
 * 'model']); the high-entropy values exist only in secure contexts (docs/compat.md, detection).
 */
const userAgentData = z.strictObject({
  brands: z.array(brandVersion).max(MAX_ITEMS).nullish(),
  mobile: flag,
  platform: text.nullish(),
  platformVersion: text.nullish(),
  fullVersionList: z.array(brandVersion).max(MAX_ITEMS).nullish(),
  model: text.nullish(),
});

/** How the page's PublicKeyCredential and navigator.credentials look: native, or replaced by an extension. */
const publicKeyCredential = z.strictObject({
  /** typeof PublicKeyCredential === 'function' */
  present: z.boolean(),
  /** PublicKeyCredential.name: Bitwarden's stand-in is "PolyfillPublicKeyCredential". */
  constructorName: text.nullish(),
  /** Function.prototype.toString(PublicKeyCredential) contains "[native code]". */
  native: flag,
  /** navigator.credentials.get !== CredentialsContainer.prototype.get, or its source is not [native code]. */
  wrappedGet: flag,
  wrappedCreate: flag,
  /** Object.getOwnPropertyNames(navigator.credentials): empty in a browser nothing has patched. */
  ownPropertiesOnCredentials: z.array(z.string().max(200)).max(MAX_ITEMS).nullish(),
});

/** PublicKeyCredential.getClientCapabilities(): a missing key means unknown, not no (docs/compat.md). */
const clientCapabilities = z
  .record(z.string().max(200), z.boolean())
  .refine((capabilities) => Object.keys(capabilities).length <= MAX_ITEMS, `at most ${MAX_ITEMS} capabilities`);

export const environmentSnapshotSchema = z.strictObject({
  userAgent: text.nullish(),
  userAgentData: userAgentData.nullish(),
  isSecureContext: flag,
  location: z.strictObject({ origin: text, protocol: text, hostname: text }).nullish(),
  /** window.top !== window.self */
  inIframe: flag,
  /** Reading window.top.location threw: the embedding page is another origin. */
  crossOriginIframe: flag,
  cookiesEnabled: flag,
  /** A cookie set by the server and read back on the next request. */
  cookieRoundTrip: probe.nullish(),
  /** The app's own request (e.g. passkey options) answered. */
  serverReachable: probe.nullish(),
  /** The report is built by script, so its existence proves JavaScript runs. */
  javascript: z.literal(true),
  publicKeyCredential: publicKeyCredential.nullish(),
  /** PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable() */
  isUVPAA: flag,
  /** PublicKeyCredential.isConditionalMediationAvailable() */
  conditionalMediation: flag,
  clientCapabilities: clientCapabilities.nullish(),
  /** typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function', and so on. */
  jsonHelpers: z
    .strictObject({
      parseCreationOptionsFromJSON: z.boolean(),
      parseRequestOptionsFromJSON: z.boolean(),
      toJSON: z.boolean(),
    })
    .nullish(),
  signalApi: z
    .strictObject({
      signalUnknownCredential: z.boolean(),
      signalAllAcceptedCredentials: z.boolean(),
      signalCurrentUserDetails: z.boolean(),
    })
    .nullish(),
});

export type EnvironmentSnapshot = z.infer<typeof environmentSnapshotSchema>;
export type BrandVersion = z.infer<typeof brandVersion>;
