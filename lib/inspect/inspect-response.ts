// The inspector: one response in, every step judged, a verdict out. Framework-free; stores nothing.
import { authenticationLibraryVerdict, registrationLibraryVerdict } from "./library-verdict";
import { authenticationSteps } from "./authentication-steps";
import { readCredentialPublicKey } from "./credential-public-key";
import { decodeClientData } from "./decode-client-data";
import { registrationSteps } from "./registration-steps";
import { notJudged, type InspectInput, type InspectResult, type Step } from "./types";
import { decideVerdict } from "./verdict";

/** Which ceremony a response belongs to, by the fields it carries; undefined when it looks like neither. */
export function detectCeremony(response: Record<string, unknown>): InspectResult["ceremony"] | undefined {
  const inner = response.response;
  if (typeof inner !== "object" || inner === null) return undefined;
  if ("attestationObject" in inner) return "registration";
  if ("authenticatorData" in inner || "signature" in inner) return "authentication";
  return undefined;
}

export async function inspectResponse(
  input: InspectInput,
  ceremony: InspectResult["ceremony"],
): Promise<InspectResult> {
  const now = new Date(input.now ?? Date.now());
  const { steps, decoded, credential } =
    ceremony === "registration"
      ? await registrationSteps(input, now)
      : { ...(await authenticationSteps(input)), credential: undefined };
  const verdict = decideVerdict(steps);
  steps.push(await libraryStep(input, ceremony, verdict));
  const result: InspectResult = { ceremony, verdict, steps, decoded: { ...decoded, judgedAsOf: now.toISOString() } };
  return credential ? { ...result, credential } : result;
}

async function libraryStep(
  input: InspectInput,
  ceremony: InspectResult["ceremony"],
  verdict: InspectResult["verdict"],
): Promise<Step> {
  const clientData = decodeClientData((input.response.response as Record<string, unknown>).clientDataJSON);
  const fields = clientData.ok ? clientData.data.fields : {};
  // Where an expected value is missing, the response's own stands in, so the library judges everything else.
  const challenge = input.expectedChallenge ?? String(fields.challenge ?? "");
  const origins = input.expectedOrigin ?? [String(fields.origin ?? "")];
  const requireUserVerification = input.requireUserVerification ?? false;
  if (ceremony === "registration")
    return registrationLibraryVerdict(
      input.response,
      {
        challenge,
        origins,
        rpId: input.expectedRPID,
        requireUserVerification,
        requireUserPresence: input.mediation !== "conditional",
      },
      verdict,
    );
  const key = input.credentialPublicKey
    ? readCredentialPublicKey(input.credentialPublicKey, input.asked?.algorithms)
    : undefined;
  if (!key?.ok || !input.expectedRPID) {
    return {
      ...notJudged(
        "library-verdict",
        "SimpleWebAuthn 14",
        "SimpleWebAuthn needs the credential public key and the RP ID to verify an assertion",
      ),
      advisory: true,
    };
  }
  return authenticationLibraryVerdict(
    input.response,
    {
      challenge,
      origins,
      rpId: input.expectedRPID,
      publicKey: key.data.bytes,
      counter: input.storedSignCount ?? 0,
      requireUserVerification,
    },
    verdict,
  );
}
