// A create() answer in, the card's result out: what the authenticator made and said about itself. Decoding only: the
// report card checks no signature and binds nothing to an account (the troubleshooting live test verifies).
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import {
  convertAAGUIDToString,
  cose,
  decodeAttestationObject,
  decodeCredentialPublicKey,
  parseAuthenticatorData,
} from "@simplewebauthn/server/helpers";
import { describeProvider } from "@/lib/compat/providers";
import { algorithmLabel } from "./algorithms";
import { certificationRow, type CardMetadata } from "./certification-row";
import { yesNo, type CardRow, type StepResult, type StepStatus } from "./card";
import { flagRows } from "./flag-rows";
import type { ExtensionSummary } from "./schemas";
import { STEPS, type CreateStep, type StepId } from "./steps";
import { UnreadableResponse } from "./unreadable-response";

const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

function decode(response: RegistrationResponseJSON) {
  try {
    const attestation = decodeAttestationObject(
      new Uint8Array(Buffer.from(response.response.attestationObject, "base64url")),
    );
    const authData = parseAuthenticatorData(attestation.get("authData"));
    if (!authData.aaguid || !authData.credentialID || !authData.credentialPublicKey)
      throw new Error("no attested credential data (AT flag)");
    const alg = decodeCredentialPublicKey(authData.credentialPublicKey).get(cose.COSEKEYS.alg);
    if (typeof alg !== "number") throw new Error("the credential public key names no algorithm");
    return {
      fmt: attestation.get("fmt"),
      statement: attestation.get("attStmt"),
      authData,
      aaguid: convertAAGUIDToString(authData.aaguid),
      alg,
    };
  } catch (error) {
    throw new UnreadableResponse(`attestationObject: ${(error as Error).message}`);
  }
}

type Decoded = ReturnType<typeof decode>;

/** The format and how it is signed: a certificate chain (full), the credential's own key (self), or nothing. */
function describeAttestation(step: CreateStep, { fmt, statement }: Decoded): CardRow {
  const chain = statement.get("x5c")?.length ?? 0;
  const signed =
    chain > 0
      ? `certificate chain of ${chain}`
      : statement.get("sig")
        ? "self attestation (signed by the new key)"
        : "no statement";
  const value = fmt === "none" ? "none" : `${fmt}, ${signed}`;
  if (step.attestation === "direct" && fmt === "none") {
    return {
      label: "Attestation format",
      value,
      note: "Asked for direct attestation; the browser or authenticator withheld it.",
    };
  }
  return { label: "Attestation format", value };
}

function describeAuthenticator(decoded: Decoded): CardRow {
  if (decoded.aaguid === ZERO_AAGUID) {
    return {
      label: "Authenticator (AAGUID)",
      value: "not disclosed (all-zero AAGUID)",
      note: 'U2F keys, and browsers under attestation "none", leave it out.',
    };
  }
  const provider = describeProvider(decoded.aaguid, {
    backupEligible: decoded.authData.flags.be,
    backedUp: decoded.authData.flags.bs,
  });
  return { label: "Authenticator (AAGUID)", value: `${provider.name} (${decoded.aaguid})` };
}

function describeExtensions(step: CreateStep, extensions: ExtensionSummary): CardRow[] {
  const rows: CardRow[] = [];
  if (step.extensions.includes("credProps")) {
    const rk = extensions.credProps?.rk;
    rows.push({
      label: "Discoverable (credProps.rk)",
      value: rk === undefined ? "not reported by the browser" : yesNo(rk),
    });
  }
  if (step.extensions.includes("prf")) {
    const { enabled, results } = extensions.prf ?? {};
    const value =
      enabled === undefined
        ? "not reported by the browser (no PRF support)"
        : enabled
          ? results?.first
            ? `enabled; a result came back at creation (${results.first.byteLength} bytes)`
            : "enabled; no result at creation (ask for one when signing in)"
          : "not supported by this authenticator";
    rows.push({ label: "PRF", value });
  }
  if (step.extensions.includes("largeBlob")) {
    const supported = extensions.largeBlob?.supported;
    rows.push({
      label: "Large blob",
      value: supported === undefined ? "not reported by the browser" : supported ? "supported" : "not supported",
    });
  }
  if (extensions.others?.length) rows.push({ label: "Other extension outputs", value: extensions.others.join(", ") });
  return rows;
}

/**
 * The steps that require one of resident key and user verification and discourage the other: what they are for is
 * what the authenticator did with the one left to it (credProps.rk, the UV flag), so the sentence says that.
 */
function oneOptionHeadline(step: CreateStep, uv: boolean, rk: boolean | undefined): string | null {
  if (step.residentKey === "required" && step.userVerification === "discouraged") {
    return uv
      ? "Supported: your authenticator made a passkey, and verified you although the page did not ask it to (UV=1)."
      : "Supported: your authenticator made a passkey without verifying you (UV=0).";
  }
  if (step.residentKey === "discouraged" && step.userVerification === "required") {
    if (rk === undefined)
      return "Supported: your authenticator verified you; the browser did not report whether the credential is discoverable.";
    return rk
      ? "Supported: your authenticator verified you, and made a discoverable passkey although the page did not ask for one."
      : "Supported: your authenticator verified you and made a credential that is not discoverable.";
  }
  return null;
}

/** The status and sentence: did this step get what it asked for? */
function verdict(
  step: CreateStep,
  decoded: Decoded,
  extensions: ExtensionSummary,
): { status: StepStatus; headline: string } {
  if (step.hints) {
    return {
      status: "not-observable",
      headline: `Made a credential with the hint "${step.hints[0]}". Whether the browser honoured the hint cannot be seen: nothing in the answer says which choices it showed you.`,
    };
  }
  if (step.mediation === "conditional") {
    const up = decoded.authData.flags.up;
    return {
      status: "supported",
      headline: `Supported: the password manager made a passkey without a dialog (conditional create)${up ? "" : ", with user presence UP=0, as WebAuthn L3 allows only here"}.`,
    };
  }
  if (step.probesAlgorithm !== undefined) {
    return decoded.alg === step.probesAlgorithm
      ? { status: "supported", headline: `Supported: the authenticator made an ${algorithmLabel(decoded.alg)} key.` }
      : {
          status: "error",
          headline: `Only ${algorithmLabel(step.probesAlgorithm)} was offered, yet the key is ${algorithmLabel(decoded.alg)}: the list was ignored.`,
        };
  }
  if (step.userVerification === "required" && !decoded.authData.flags.uv) {
    return {
      status: "error",
      headline:
        "User verification was required, yet the answer says you were not verified (UV=0): the browser should have refused.",
    };
  }
  if (step.residentKey === "required" && extensions.credProps?.rk === false) {
    return {
      status: "error",
      headline: "A discoverable passkey was required, yet the browser reports a non-discoverable credential.",
    };
  }
  const oneOption = oneOptionHeadline(step, decoded.authData.flags.uv, extensions.credProps?.rk);
  if (oneOption) return { status: "supported", headline: oneOption };
  return step.residentKey === "required"
    ? { status: "supported", headline: "Supported: your authenticator made a passkey and verified you." }
    : {
        status: "supported",
        headline: "Supported: your authenticator made a credential without being asked to verify you.",
      };
}

export function describeRegistration(
  stepId: StepId,
  response: RegistrationResponseJSON,
  extensions: ExtensionSummary,
  metadata: CardMetadata = { blob: null, lookUp: () => null },
): StepResult {
  const step = STEPS[stepId];
  if (step.ceremony !== "create") throw new UnreadableResponse(`step ${stepId} does not create a credential`);
  const decoded = decode(response);
  const credentialId = Buffer.from(decoded.authData.credentialID ?? new Uint8Array()).toString("base64url");
  if (credentialId !== response.id)
    throw new UnreadableResponse("the credential id in the authenticator data is not the id the browser reported");
  const provider =
    decoded.aaguid === ZERO_AAGUID
      ? null
      : describeProvider(decoded.aaguid, {
          backupEligible: decoded.authData.flags.be,
          backedUp: decoded.authData.flags.bs,
        });
  const reportedAlg = response.response.publicKeyAlgorithm;
  const transports = response.response.transports ?? [];
  const rows: CardRow[] = [
    describeAuthenticator(decoded),
    certificationRow(metadata, decoded.aaguid === ZERO_AAGUID ? null : decoded.aaguid),
    { label: "Attachment", value: response.authenticatorAttachment ?? "not reported by the browser" },
    { label: "Transports", value: transports.length > 0 ? transports.join(", ") : "not reported by the browser" },
    describeAttestation(step, decoded),
    {
      label: "Algorithm",
      value: algorithmLabel(decoded.alg),
      ...(reportedAlg !== undefined && reportedAlg !== decoded.alg
        ? { note: `The browser reported ${algorithmLabel(reportedAlg)}.` }
        : {}),
    },
    ...flagRows(
      decoded.authData.flags,
      provider?.fakesUserVerification ? `${provider.name} is known to set UV without checking who you are.` : undefined,
    ),
    ...describeExtensions(step, extensions),
    { label: "Sign count at creation", value: String(decoded.authData.counter) },
  ];
  if (step.hints)
    rows.push({
      label: "Hint honoured",
      value: "not observable",
      note: `You used a ${response.authenticatorAttachment ?? "not reported"} authenticator; that is all the answer shows.`,
    });
  return {
    stepId,
    ...verdict(step, decoded, extensions),
    rows,
    credential: { id: response.id, transports, signCount: decoded.authData.counter, madeBy: stepId },
  };
}
