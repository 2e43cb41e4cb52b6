// The report card's steps as data: what each asks the browser for, in words the visitor reads before clicking, and in
// the exact option values it sends. One step = one create() or get() = at most one user action.
import { algorithmLabel } from "./algorithms";

export const STEP_IDS = [
  "passkey",
  "no-passkey",
  "attestation-none",
  "resident-key-only",
  "uv-only",
  "alg-es256",
  "alg-eddsa",
  "alg-rs256",
  "alg-es384",
  "alg-es512",
  "get-uv",
  "get-prf",
  "hint-security-key",
  "hint-client-device",
  "hint-hybrid",
  "conditional-create",
  "get-immediate",
] as const;

export type StepId = (typeof STEP_IDS)[number];

export type CreateExtension = "credProps" | "prf" | "largeBlob";

export type CreateStep = {
  id: StepId;
  ceremony: "create";
  title: string;
  /** What the device will ask for, read before the click. */
  asks: string;
  residentKey: "required" | "discouraged";
  userVerification: "required" | "discouraged";
  attestation: "direct" | "none";
  /** COSE algorithm ids, most preferred first. */
  algorithms: number[];
  extensions: CreateExtension[];
  hints?: ("security-key" | "client-device" | "hybrid")[];
  /** Set for the one-algorithm steps: the algorithm this step asks about. */
  probesAlgorithm?: number;
  /** "conditional": the password manager may make it without a dialog (automatic passkey upgrade, WebAuthn L3 §5.1.3). */
  mediation?: "conditional";
};

export type GetStep = {
  id: StepId;
  ceremony: "get";
  title: string;
  asks: string;
  userVerification: "required" | "preferred";
  /** Evaluate the PRF extension with a fixed salt. */
  prf: boolean;
  /** `uiMode: "immediate"`: the browser's chooser at once, or a NotAllowedError at once without any dialog. */
  immediate?: true;
};

export type Step = CreateStep | GetStep;

/** EdDSA first, as on this site's own sign-up, so the first step tells whether the authenticator takes it. */
export const ALL_ALGORITHMS = [-8, -7, -35, -36, -257];

const EASY =
  "Your device will ask you to touch your security key or confirm; a PIN or biometrics may be asked but are not required.";
/** Chromium asks before it passes a security key's attestation on (its make and model): a second prompt, not a second step. */
const DIRECT =
  "Your browser may also ask whether to show this site your security key's make and model: either answer is fine.";

function algorithmStep(id: StepId, alg: number): CreateStep {
  return {
    id,
    ceremony: "create",
    title: `Algorithm ${algorithmLabel(alg)}`,
    asks: `${EASY} Only ${algorithmLabel(alg)} is offered: an authenticator that cannot use it says no (some at once, some after the touch).`,
    residentKey: "discouraged",
    userVerification: "discouraged",
    attestation: "none",
    algorithms: [alg],
    extensions: [],
    probesAlgorithm: alg,
  };
}

function hintStep(id: StepId, hint: "security-key" | "client-device" | "hybrid", where: string): CreateStep {
  return {
    id,
    ceremony: "create",
    title: `Hint: ${hint}`,
    asks: `${EASY} The request carries the hint "${hint}" (${where}); pick whichever authenticator you like.`,
    residentKey: "discouraged",
    userVerification: "discouraged",
    attestation: "none",
    algorithms: ALL_ALGORITHMS,
    extensions: [],
    hints: [hint],
  };
}

export const STEPS: Record<StepId, Step> = {
  passkey: {
    id: "passkey",
    ceremony: "create",
    title: "A passkey with user verification",
    asks: `Your device will ask you to create a passkey and to confirm with your PIN, fingerprint, face or screen lock. ${DIRECT}`,
    residentKey: "required",
    userVerification: "required",
    attestation: "direct",
    algorithms: ALL_ALGORITHMS,
    extensions: ["credProps", "prf", "largeBlob"],
  },
  "no-passkey": {
    id: "no-passkey",
    ceremony: "create",
    title: "A plain credential, no verification",
    asks: `${EASY} ${DIRECT}`,
    residentKey: "discouraged",
    userVerification: "discouraged",
    attestation: "direct",
    algorithms: ALL_ALGORITHMS,
    extensions: ["credProps", "prf", "largeBlob"],
  },
  "attestation-none": {
    id: "attestation-none",
    ceremony: "create",
    title: "Attestation none",
    asks: `${EASY} The page asks for no attestation, to show what your browser then keeps back (often the authenticator's AAGUID).`,
    residentKey: "discouraged",
    userVerification: "discouraged",
    attestation: "none",
    algorithms: ALL_ALGORITHMS,
    extensions: ["credProps"],
  },
  // The two above change resident key and user verification together, so a refusal there cannot say which of the two
  // the authenticator could not do. These change one each; attestation "none" keeps them to one prompt.
  "resident-key-only": {
    id: "resident-key-only",
    ceremony: "create",
    title: "A passkey without user verification",
    asks: "Your device will ask you to create a passkey and to touch your security key or confirm. The page does not ask for your PIN or biometrics; your browser or device may ask anyway (Chrome asks for a security key's PIN, or to set one, before it stores a passkey on it).",
    residentKey: "required",
    userVerification: "discouraged",
    attestation: "none",
    algorithms: ALL_ALGORITHMS,
    extensions: ["credProps"],
  },
  "uv-only": {
    id: "uv-only",
    ceremony: "create",
    title: "A plain credential with user verification",
    asks: "Your device will ask you to confirm with your PIN, fingerprint, face or screen lock. The page does not ask for a passkey: a security key need not store anything (some devices save one anyway).",
    residentKey: "discouraged",
    userVerification: "required",
    attestation: "none",
    algorithms: ALL_ALGORITHMS,
    extensions: ["credProps"],
  },
  "alg-es256": algorithmStep("alg-es256", -7),
  "alg-eddsa": algorithmStep("alg-eddsa", -8),
  "alg-rs256": algorithmStep("alg-rs256", -257),
  "alg-es384": algorithmStep("alg-es384", -35),
  "alg-es512": algorithmStep("alg-es512", -36),
  "get-uv": {
    id: "get-uv",
    ceremony: "get",
    title: "Sign in with user verification",
    asks: "Your device will ask you to use the test passkey made above and to confirm with your PIN, fingerprint, face or screen lock.",
    userVerification: "required",
    prf: false,
  },
  "get-prf": {
    id: "get-prf",
    ceremony: "get",
    title: "Sign in with the PRF extension",
    asks: "Your device will ask you to use the test passkey made above; it may ask for your PIN or biometrics. The page asks it to derive a secret (PRF) from a fixed salt and only looks at whether one came back.",
    userVerification: "preferred",
    prf: true,
  },
  "hint-security-key": hintStep("hint-security-key", "security-key", "suggests a security key"),
  "hint-client-device": hintStep("hint-client-device", "client-device", "suggests this phone or computer"),
  "hint-hybrid": hintStep("hint-hybrid", "hybrid", "suggests a phone, over a QR code"),
  "conditional-create": {
    id: "conditional-create",
    ceremony: "create",
    title: "Conditional create (automatic passkey upgrade)",
    asks: "Nothing to do: the page asks your password manager for a passkey with mediation “conditional”, which shows no dialog. A manager makes one only right after it filled in a saved password for this site; otherwise nothing happens, and the step ends after 20 seconds.",
    residentKey: "required",
    userVerification: "discouraged",
    attestation: "none",
    algorithms: ALL_ALGORITHMS,
    extensions: ["credProps"],
    mediation: "conditional",
  },
  "get-immediate": {
    id: "get-immediate",
    ceremony: "get",
    title: "Immediate sign-in (uiMode immediate)",
    asks: "Your browser shows its passkey chooser at once if this device holds the test passkey made above; otherwise it says no at once, without a dialog.",
    userVerification: "preferred",
    prf: false,
    immediate: true,
  },
};

/** Options in one line each, for the page and the JSON export (never the challenge). */
export function summariseStepOptions(step: Step): string[] {
  if (step.ceremony === "get") {
    return [
      "navigator.credentials.get()",
      ...(step.immediate ? ['uiMode: "immediate"'] : []),
      `userVerification: ${step.userVerification}`,
      "allowCredentials: the credential made by the first or second step",
      ...(step.prf ? ["extensions: prf (evaluated with a fixed salt)"] : []),
    ];
  }
  const extensions = step.extensions.map((name) =>
    name === "prf" ? "prf (evaluated)" : name === "largeBlob" ? "largeBlob (support: preferred)" : name,
  );
  return [
    "navigator.credentials.create()",
    ...(step.mediation ? [`mediation: ${step.mediation}`] : []),
    `residentKey: ${step.residentKey}`,
    `userVerification: ${step.userVerification}`,
    `attestation: ${step.attestation}`,
    `algorithms: ${step.algorithms.map(algorithmLabel).join(", ")}`,
    ...(extensions.length > 0 ? [`extensions: ${extensions.join(", ")}`] : []),
    ...(step.hints ? [`hints: ${step.hints.join(", ")}`] : []),
  ];
}
