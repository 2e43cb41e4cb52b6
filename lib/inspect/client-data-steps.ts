// The client data and authenticator data checks both ceremonies share, with each ceremony's own step numbers
// (WebAuthn L3 §7.1 for registration, §7.2 for authentication).
import { crossOriginReason } from "@/lib/webauthn/client-data";
import { createHash } from "node:crypto";
import type { ClientData } from "./decode-client-data";
import type { AuthenticatorData } from "./decode-authenticator-data";
import { toHex } from "./base64url";
import { fail, notJudged, pass, type InspectInput, type Step } from "./types";

export type StepNumbers = {
  type: number;
  challenge: number;
  origin: number;
  crossOrigin: number;
  topOrigin: number;
  rpIdHash: number;
  up: number;
  uv: number;
  backup: number;
};
const REGISTRATION: StepNumbers = {
  type: 7,
  challenge: 8,
  origin: 9,
  crossOrigin: 10,
  topOrigin: 11,
  rpIdHash: 14,
  up: 15,
  uv: 16,
  backup: 17,
};
const AUTHENTICATION: StepNumbers = {
  type: 10,
  challenge: 11,
  origin: 12,
  crossOrigin: 13,
  topOrigin: 14,
  rpIdHash: 15,
  up: 16,
  uv: 17,
  backup: 18,
};

export const stepNumbers = (ceremony: "registration" | "authentication") =>
  ceremony === "registration" ? REGISTRATION : AUTHENTICATION;
const section = (ceremony: "registration" | "authentication") => (ceremony === "registration" ? "§7.1" : "§7.2");

export function clientDataSteps(
  clientData: ClientData,
  clientDataJSON: string,
  input: InspectInput,
  ceremony: "registration" | "authentication",
): Step[] {
  const n = stepNumbers(ceremony);
  const at = (step: number) => `${section(ceremony)} step ${step}`;
  const { type, challenge, origin, crossOrigin, topOrigin } = clientData.fields;
  const expectedType = ceremony === "registration" ? "webauthn.create" : "webauthn.get";
  const steps: Step[] = [];
  steps.push(
    type === expectedType
      ? pass("type", at(n.type), `type is ${expectedType}`)
      : fail("type", at(n.type), `type is ${JSON.stringify(type)}, expected "${expectedType}"`),
  );
  if (input.expectedChallenge === undefined)
    steps.push(
      notJudged(
        "challenge",
        at(n.challenge),
        `no expected challenge given (the response carries ${JSON.stringify(challenge)})`,
      ),
    );
  else
    steps.push(
      challenge === input.expectedChallenge
        ? pass("challenge", at(n.challenge), "challenge matches")
        : fail(
            "challenge",
            at(n.challenge),
            `challenge is ${JSON.stringify(challenge)}, expected "${input.expectedChallenge}"`,
          ),
    );
  if (!input.expectedOrigin)
    steps.push(
      notJudged("origin", at(n.origin), `no expected origin given (the response carries ${JSON.stringify(origin)})`),
    );
  else
    steps.push(
      typeof origin === "string" && input.expectedOrigin.includes(origin)
        ? pass("origin", at(n.origin), `origin ${origin} is expected`)
        : fail(
            "origin",
            at(n.origin),
            `origin is ${JSON.stringify(origin)}, expected ${input.expectedOrigin.join(" or ")}`,
          ),
    );
  // Without an expected top origin the relying party is never framed: the portal's own rule (security bar A5).
  const framedReason = crossOriginReason(clientDataJSON);
  if (crossOrigin !== undefined && typeof crossOrigin !== "boolean")
    steps.push(fail("cross-origin", at(n.crossOrigin), "crossOrigin is present but not a boolean"));
  else if (crossOrigin !== true)
    steps.push(pass("cross-origin", at(n.crossOrigin), `crossOrigin is ${crossOrigin === false ? "false" : "absent"}`));
  else if (input.expectedTopOrigin)
    steps.push(pass("cross-origin", at(n.crossOrigin), "crossOrigin is true, and a framing top origin is expected"));
  else
    steps.push(
      fail(
        "cross-origin",
        at(n.crossOrigin),
        `${framedReason ?? "crossOrigin is true"}; give an expected top origin if you embed the ceremony`,
      ),
    );
  if (topOrigin === undefined) steps.push(pass("top-origin", at(n.topOrigin), "topOrigin is absent"));
  else if (!input.expectedTopOrigin)
    steps.push(
      fail("top-origin", at(n.topOrigin), `topOrigin is ${JSON.stringify(topOrigin)} but no framing is expected`),
    );
  else
    steps.push(
      typeof topOrigin === "string" && input.expectedTopOrigin.includes(topOrigin)
        ? pass("top-origin", at(n.topOrigin), `topOrigin ${topOrigin} is expected`)
        : fail(
            "top-origin",
            at(n.topOrigin),
            `topOrigin is ${JSON.stringify(topOrigin)}, expected ${input.expectedTopOrigin.join(" or ")}`,
          ),
    );
  return steps;
}

export function authenticatorDataSteps(
  authData: AuthenticatorData,
  input: InspectInput,
  ceremony: "registration" | "authentication",
): Step[] {
  const n = stepNumbers(ceremony);
  const at = (step: number) => `${section(ceremony)} step ${step}`;
  const steps: Step[] = [];
  if (input.expectedRPID === undefined)
    steps.push(
      notJudged("rp-id-hash", at(n.rpIdHash), `no expected RP ID given (rpIdHash is ${toHex(authData.rpIdHash)})`),
    );
  else {
    const expected = createHash("sha256").update(input.expectedRPID).digest();
    steps.push(
      expected.equals(authData.rpIdHash)
        ? pass("rp-id-hash", at(n.rpIdHash), `rpIdHash is SHA-256("${input.expectedRPID}")`)
        : fail(
            "rp-id-hash",
            at(n.rpIdHash),
            `rpIdHash is ${toHex(authData.rpIdHash)}, expected SHA-256("${input.expectedRPID}") = ${toHex(expected)}`,
          ),
    );
  }
  steps.push(userPresentStep(authData.flags.up, input, ceremony, at(n.up)));
  const askedUv = input.asked?.userVerification;
  if (authData.flags.uv) steps.push(pass("user-verified", at(n.uv), "UV is set"));
  else if (input.requireUserVerification)
    steps.push(
      fail(
        "user-verified",
        at(n.uv),
        askedUv === "required"
          ? 'UV is not set, and the options asked for userVerification: "required"'
          : "UV is not set, and user verification is required",
      ),
    );
  else
    steps.push(
      pass(
        "user-verified",
        at(n.uv),
        `UV is not set; user verification was not required${askedUv ? ` (the options asked for "${askedUv}")` : ""}`,
      ),
    );
  steps.push(
    !authData.flags.be && authData.flags.bs
      ? fail(
          "backup-flags",
          at(n.backup),
          "BS is set while BE is not: a credential that cannot be backed up cannot be backed up",
        )
      : pass("backup-flags", at(n.backup), `BE=${Number(authData.flags.be)} BS=${Number(authData.flags.bs)}`),
  );
  return steps;
}

/**
 * §7.1 step 15: a registration asked with mediation "conditional" (a conditional create, the automatic passkey
 * upgrade) may come without user presence; every other registration, and every assertion (§7.2 step 16), needs UP.
 */
function userPresentStep(
  up: boolean,
  input: InspectInput,
  ceremony: "registration" | "authentication",
  spec: string,
): Step {
  if (up) return pass("user-present", spec, "UP is set");
  if (ceremony === "registration" && input.mediation === "conditional")
    return pass(
      "user-present",
      spec,
      'UP is not set, which a registration asked with mediation "conditional" (automatic passkey upgrade) may be',
    );
  return fail(
    "user-present",
    spec,
    ceremony === "registration"
      ? 'UP is not set: no test of user presence (only a registration asked with mediation "conditional" may omit it; give the mediation if it was one)'
      : "UP is not set: no test of user presence",
  );
}
