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
  /** COSE_Key, base64url. */
  credentialPublicKey?: string;
  storedSignCount?: number;
  requireUserVerification?: boolean;
  requireTrustedAttestation?: boolean;
  /** Epoch milliseconds at which certificates are judged; defaults to the time of the request. */
  now?: number;
};

export type InspectResult = {
  ceremony: "registration" | "authentication";
  verdict: Verdict;
  steps: Step[];
  decoded: Record<string, unknown>;
};

export const pass = (id: string, spec: string, message: string): Step => ({ id, spec, ok: true, message });
export const fail = (id: string, spec: string, message: string): Step => ({ id, spec, ok: false, message });
export const notJudged = (id: string, spec: string, message: string): Step => ({ id, spec, ok: null, message });
