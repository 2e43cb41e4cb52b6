// What the relying party asked for: the creation or request options it sent (PublicKeyCredentialCreationOptionsJSON
// or PublicKeyCredentialRequestOptionsJSON, as the browser's parse…FromJSON() takes them) and the mediation. Read
// once, before any step: the challenge and RP ID fill the expected values, and the steps judge user presence,
// user verification, the algorithm and allowCredentials against them. Options that contradict the other inputs, or
// belong to the other ceremony, are an input error, never a verdict on the response.
import { z } from "zod";
import type { AskedFor, InspectInput } from "./types";

const descriptor = z.object({ id: z.string().min(1).max(4096), type: z.string().optional() }).passthrough();
const userVerification = z.enum(["required", "preferred", "discouraged"]).optional();

const creationOptions = z
  .object({
    challenge: z.string().min(1).max(4096),
    rp: z.object({ id: z.string().min(1).max(253).optional(), name: z.string().optional() }).passthrough(),
    user: z.object({ id: z.string() }).passthrough(),
    pubKeyCredParams: z.array(z.object({ type: z.string(), alg: z.number().int() }).passthrough()).max(64),
    authenticatorSelection: z.object({ userVerification }).passthrough().optional(),
  })
  .passthrough();

const requestOptions = z
  .object({
    challenge: z.string().min(1).max(4096),
    rpId: z.string().min(1).max(253).optional(),
    allowCredentials: z.array(descriptor).max(256).optional(),
    userVerification,
  })
  .passthrough();

type Resolved = { ok: true; input: InspectInput } | { ok: false; message: string };

const isCreation = (options: Record<string, unknown>) => "pubKeyCredParams" in options || "user" in options;

export function resolveAskedFor(input: InspectInput, ceremony: "registration" | "authentication"): Resolved {
  const options = input.options;
  if (!options) return { ok: true, input };
  if (isCreation(options) !== (ceremony === "registration"))
    return {
      ok: false,
      message:
        ceremony === "registration"
          ? "options are request options (navigator.credentials.get()), but the response is a registration"
          : "options are creation options (navigator.credentials.create()), but the response is an authentication",
    };
  const parsed = ceremony === "registration" ? creationOptions.safeParse(options) : requestOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `options.${issue.path.join(".")}: ${issue.message}` };
  }
  const read = parsed.data as z.infer<typeof creationOptions> & z.infer<typeof requestOptions>;
  const rpId = ceremony === "registration" ? read.rp.id : read.rpId;
  if (input.expectedChallenge !== undefined && input.expectedChallenge !== read.challenge)
    return { ok: false, message: "expectedChallenge and options.challenge differ: give one, or the same in both" };
  if (input.expectedRPID !== undefined && rpId !== undefined && input.expectedRPID !== rpId)
    return {
      ok: false,
      message: `expectedRPID and the options' RP ID (${rpId}) differ: give one, or the same in both`,
    };
  const asked: AskedFor =
    ceremony === "registration"
      ? {
          algorithms: read.pubKeyCredParams.length > 0 ? read.pubKeyCredParams.map((param) => param.alg) : [-7, -257],
          userVerification: read.authenticatorSelection?.userVerification,
        }
      : {
          allowCredentials: read.allowCredentials?.map((credential) => credential.id),
          userVerification: read.userVerification,
        };
  return {
    ok: true,
    input: {
      ...input,
      expectedChallenge: read.challenge,
      expectedRPID: input.expectedRPID ?? rpId,
      requireUserVerification: input.requireUserVerification || asked.userVerification === "required",
      asked,
    },
  };
}
