// The inspector's vocabulary: what goes in, the steps it judges, and what comes out.

/** ok: true passed, false failed, null not judged (the message says why). */
export type Step = {
  id: string;
  /** Where the check comes from, e.g. "§7.1 step 14" (WebAuthn Level 3). */
  spec: string;
  ok: boolean | null;
  message: string;
  /** Shown but not counted in the verdict (attestation trust unless required, the library's own verdict). */
  advisory?: true;
};

export type Verdict = "valid" | "invalid" | "incomplete";

export type InspectInput = {
  response: Record<string, unknown>;
  expectedChallenge?: string;
  expectedOrigin?: string[];
  expectedRPID?: string;
  expectedTopOrigin?: string[];
  /** COSE_Key or SPKI (what toJSON() gives as response.publicKey): base64url, base64 or PEM. */
  credentialPublicKey?: string;
  storedSignCount?: number;
  requireUserVerification?: boolean;
  requireTrustedAttestation?: boolean;
  /** Epoch milliseconds at which certificates are judged; defaults to the time of the request. */
  now?: number;
  /** The creation or request options the relying party sent, as JSON. */
  options?: Record<string, unknown>;
  /** The mediation the ceremony was asked with: "conditional" for a conditional create (automatic passkey upgrade). */
  mediation?: Mediation;
  /** What the options asked for, read from `options` by resolveAskedFor before the steps run. */
  asked?: AskedFor;
};

export type Mediation = "silent" | "optional" | "conditional" | "required";

export type AskedFor = {
  /** COSE algorithm ids offered, in order; an empty pubKeyCredParams means ES256 and RS256 (WebAuthn L3 §5.4). */
  algorithms?: number[];
  /** Credential ids (base64url) the request allowed; undefined or empty: any discoverable credential. */
  allowCredentials?: string[];
  userVerification?: "required" | "preferred" | "discouraged";
};

export type InspectResult = {
  ceremony: "registration" | "authentication";
  verdict: Verdict;
  steps: Step[];
  decoded: Record<string, unknown>;
  /** A registration's credential, ready for inspecting its first assertion: COSE key (base64url) and sign count. */
  credential?: { id: string; publicKey: string; signCount: number };
};

export const pass = (id: string, spec: string, message: string): Step => ({ id, spec, ok: true, message });
export const fail = (id: string, spec: string, message: string): Step => ({ id, spec, ok: false, message });
export const notJudged = (id: string, spec: string, message: string): Step => ({ id, spec, ok: null, message });
