// What SimpleWebAuthn 14 makes of the same response, shown beside our steps. It never decides: where it refuses a
// response the specification allows (certificate dates judged with today's clock, Ed448, roots it does not list) or
// accepts one the specification forbids, the inspector's own steps decide, and this step says so.
import { verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Step, Verdict } from "./types";

const SUPPORTED = [-7, -8, -35, -36, -37, -38, -39, -47, -257, -258, -259, -65535, -19, -53, -9, -51, -52];

const firstLine = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .split("\n")[0]
    .slice(0, 300);

function compare(verified: boolean, detail: string, ours: Verdict): Step {
  const agrees = (verified && ours === "valid") || (!verified && ours === "invalid");
  const theirs = verified ? "verifies it" : `refuses it (${detail})`;
  const note = agrees ? ", as the inspector does" : `; the inspector's own checks decide (${ours})`;
  return {
    id: "library-verdict",
    spec: "SimpleWebAuthn 14",
    ok: agrees,
    message: `SimpleWebAuthn ${theirs}${note}`,
    advisory: true,
  };
}

export async function registrationLibraryVerdict(
  response: Record<string, unknown>,
  expected: {
    challenge: string;
    origins: string[];
    rpId?: string;
    requireUserVerification: boolean;
    requireUserPresence: boolean;
  },
  ours: Verdict,
): Promise<Step> {
  try {
    const result = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origins,
      expectedRPID: expected.rpId,
      requireUserVerification: expected.requireUserVerification,
      requireUserPresence: expected.requireUserPresence,
      supportedAlgorithmIDs: SUPPORTED,
    });
    return compare(result.verified, "verified: false", ours);
  } catch (error) {
    return compare(false, firstLine(error), ours);
  }
}

export async function authenticationLibraryVerdict(
  response: Record<string, unknown>,
  expected: {
    challenge: string;
    origins: string[];
    rpId: string;
    publicKey: Uint8Array;
    counter: number;
    requireUserVerification: boolean;
  },
  ours: Verdict,
): Promise<Step> {
  try {
    const result = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origins,
      expectedRPID: expected.rpId,
      credential: {
        id: String(response.id ?? ""),
        publicKey: new Uint8Array(expected.publicKey),
        counter: expected.counter,
      },
      requireUserVerification: expected.requireUserVerification,
    });
    return compare(result.verified, "verified: false", ours);
  } catch (error) {
    return compare(false, firstLine(error), ours);
  }
}
