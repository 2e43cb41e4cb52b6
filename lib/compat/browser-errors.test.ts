import { describe, expect, it } from "vitest";
import { type CeremonyError, explainCeremonyError } from "./browser-errors";
import { detectPlatform } from "./platform";
import { UA, healthySnapshot, hints, uaOnly } from "./test-snapshots";
import { english } from "./test-translators";

const windows = detectPlatform(healthySnapshot());
const android = detectPlatform(
  healthySnapshot({
    userAgent: UA.chromeAndroid,
    userAgentData: hints("Google Chrome", "131", "Android", "14.0.0", true),
  }),
);
const mac = detectPlatform(uaOnly(UA.safariMac18));
const iphone = detectPlatform(uaOnly(UA.safariIos17));

type Row = [string, CeremonyError, ReturnType<typeof detectPlatform> | undefined, string, string, boolean];

/** [case, error, platform, substring of cause, substring of fix, escalate] */
const rows: Row[] = [
  [
    "NotAllowedError on sign-in",
    { name: "NotAllowedError", ceremony: "get" },
    undefined,
    "holds no passkey for this site",
    "does not count as a failed attempt",
    false,
  ],
  [
    "NotAllowedError without a platform: the general screen-lock hint",
    { name: "NotAllowedError", ceremony: "get" },
    undefined,
    "cancelled or timed out",
    "fingerprint, face or PIN was not recognised",
    false,
  ],
  [
    "NotAllowedError on create: where the passkey should be kept",
    { name: "NotAllowedError", ceremony: "create" },
    undefined,
    "could not check it was you",
    "should keep the passkey",
    false,
  ],
  [
    "NotAllowedError on Windows: Windows Hello PIN",
    { name: "NotAllowedError", ceremony: "create" },
    windows,
    "could not check it was you",
    "PIN (Windows Hello)",
    false,
  ],
  [
    "NotAllowedError on Android: screen lock",
    { name: "NotAllowedError", ceremony: "get" },
    android,
    "cancelled or timed out",
    "Screen lock",
    false,
  ],
  [
    "NotAllowedError: page not focused",
    { name: "NotAllowedError", message: "The document is not focused.", ceremony: "get" },
    undefined,
    "not in focus",
    "Click anywhere on this page",
    false,
  ],
  [
    "NotAllowedError: iframe permissions policy",
    {
      name: "NotAllowedError",
      message:
        "The 'publickey-credentials-get' feature is not enabled in this document. Permissions Policy may be used",
      ceremony: "get",
    },
    undefined,
    "inside another website",
    "its own tab",
    false,
  ],
  [
    "InvalidStateError on create",
    { name: "InvalidStateError", ceremony: "create" },
    undefined,
    "already holds a passkey",
    "sign in with it",
    false,
  ],
  [
    "InvalidStateError on get",
    { name: "InvalidStateError", ceremony: "get" },
    undefined,
    "current state",
    "Reload the page",
    true,
  ],
  [
    "SecurityError",
    { name: "SecurityError", ceremony: "get" },
    undefined,
    "do not match its address",
    "problem with the site",
    true,
  ],
  ["AbortError", { name: "AbortError", ceremony: "get" }, undefined, "page cancelled the request", "Try again", false],
  [
    "NotSupportedError",
    { name: "NotSupportedError", ceremony: "create" },
    undefined,
    "none of the key types",
    "site configuration problem",
    true,
  ],
  [
    "ConstraintError",
    { name: "ConstraintError", ceremony: "create" },
    undefined,
    "security key without a PIN",
    "Set a PIN on your security key",
    false,
  ],
  [
    "ConstraintError on a Mac: PIN first, no NFC",
    { name: "ConstraintError", ceremony: "create" },
    mac,
    "PIN",
    "do not use NFC",
    false,
  ],
  [
    "ConstraintError on iPhone: PIN before registering",
    { name: "ConstraintError", ceremony: "create" },
    iphone,
    "PIN",
    "set the key's PIN before registering",
    false,
  ],
  [
    "UnknownError",
    { name: "UnknownError", ceremony: "get" },
    windows,
    "failed without saying why",
    "Windows Update",
    true,
  ],
  ["TypeError", { name: "TypeError", ceremony: "create" }, undefined, "longer than 64 bytes", "bug in the site", true],
  ["an unheard-of name", { name: "WeirdError", ceremony: "get" }, undefined, "does not recognise", "Try again", true],
  ["nothing at all", { ceremony: "get" }, undefined, "does not recognise", "support", true],
  [
    "ERROR_CEREMONY_ABORTED",
    { code: "ERROR_CEREMONY_ABORTED", name: "AbortError", ceremony: "get" },
    undefined,
    "page cancelled",
    "Try again",
    false,
  ],
  [
    "ERROR_INVALID_DOMAIN",
    { code: "ERROR_INVALID_DOMAIN", name: "SecurityError", ceremony: "get" },
    undefined,
    "IP address",
    "a name, not numbers",
    true,
  ],
  [
    "ERROR_INVALID_RP_ID",
    { code: "ERROR_INVALID_RP_ID", name: "SecurityError", ceremony: "create" },
    undefined,
    "different domain (RP ID)",
    "problem with the site",
    true,
  ],
  [
    "ERROR_INVALID_USER_ID_LENGTH",
    { code: "ERROR_INVALID_USER_ID_LENGTH", name: "TypeError", ceremony: "create" },
    undefined,
    "64 bytes",
    "bug in the site",
    true,
  ],
  [
    "ERROR_MALFORMED_PUBKEYCREDPARAMS",
    { code: "ERROR_MALFORMED_PUBKEYCREDPARAMS", name: "NotSupportedError", ceremony: "create" },
    undefined,
    "no valid key type",
    "bug in the site",
    true,
  ],
  [
    "ERROR_AUTHENTICATOR_GENERAL_ERROR",
    { code: "ERROR_AUTHENTICATOR_GENERAL_ERROR", name: "UnknownError", ceremony: "create" },
    undefined,
    "failed without saying why",
    "Try again",
    true,
  ],
  [
    "ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT",
    {
      code: "ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT",
      name: "ConstraintError",
      ceremony: "create",
    },
    undefined,
    "cannot store a passkey",
    "YubiKey 4 or NEO",
    false,
  ],
  [
    "ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT",
    { code: "ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT", name: "ConstraintError", ceremony: "create" },
    undefined,
    "PIN or biometrics",
    "Set a PIN",
    false,
  ],
  [
    "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED",
    { code: "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED", name: "InvalidStateError", ceremony: "create" },
    undefined,
    "already holds a passkey",
    "a different password manager",
    false,
  ],
  [
    "ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG",
    { code: "ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG", name: "NotSupportedError", ceremony: "create" },
    undefined,
    "none of the key types",
    "site configuration problem",
    true,
  ],
  [
    "ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE",
    { code: "ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE", name: "ConstraintError", ceremony: "create" },
    undefined,
    "automatically",
    "account page",
    false,
  ],
  [
    "ERROR_SIGNAL_INVALID_ARGUMENT",
    { code: "ERROR_SIGNAL_INVALID_ARGUMENT", name: "TypeError", ceremony: "get" },
    undefined,
    "malformed update",
    "bug in the site",
    true,
  ],
  [
    "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY defers to the name",
    { code: "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY", name: "NotAllowedError", ceremony: "get" },
    undefined,
    "cancelled or timed out",
    "use your phone (QR code)",
    false,
  ],
  [
    "an unknown code falls back to the name",
    { code: "ERROR_FROM_THE_FUTURE", name: "AbortError", ceremony: "get" },
    undefined,
    "page cancelled",
    "Try again",
    false,
  ],
];

describe("explainCeremonyError", () => {
  it.each(rows)("%s", (_case, error, platform, cause, fix, escalate) => {
    const explanation = explainCeremonyError(error, english, platform);
    expect(explanation.cause).toContain(cause);
    expect(explanation.fix).toContain(fix);
    expect(explanation.escalate).toBe(escalate);
  });
});

describe("a sign-in's NotAllowedError, one cause per line", () => {
  const signIn = (extra: Partial<CeremonyError>) =>
    explainCeremonyError({ name: "NotAllowedError", ceremony: "get", ...extra }, english);

  it("puts a closed prompt first, and lists each other cause once", () => {
    const { causes, fixes } = signIn({ elapsedMs: 4_000, timeoutMs: 300_000 });
    expect(causes?.[0]).toBe("The passkey prompt was closed or cancelled.");
    expect(causes).toHaveLength(5);
    expect(new Set(causes).size).toBe(5);
    expect(fixes?.[0]).toContain("does not count as a failed attempt");
  });

  it("puts the timeout first when the browser answered at the options' timeout", () => {
    expect(signIn({ elapsedMs: 299_000, timeoutMs: 300_000 }).causes?.[0]).toBe(
      "The request timed out before a passkey answered.",
    );
  });

  it("puts an open request first when the browser says one is pending", () => {
    expect(signIn({ message: "A request is already pending.", elapsedMs: 10 }).causes?.[0]).toBe(
      "Another passkey request was still open in this browser.",
    );
  });

  it("keeps one sentence for the wizard, and no list when the cause is known (focus)", () => {
    expect(signIn({}).cause).toContain("cancelled or timed out");
    expect(signIn({ message: "The document is not focused." }).causes).toBeUndefined();
    expect(explainCeremonyError({ name: "NotAllowedError", ceremony: "create" }, english).causes).toBeUndefined();
  });
});
