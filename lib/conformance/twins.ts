// The positive twins negative cases are judged against (twin-judgement.ts): the same ceremony without the mutation.
// A key names what the ceremony is made of, so every case built on the same ceremony shares one run of it.
import type { AlgorithmName, AttestationFormat } from "@/lib/authenticator";
import { creationOptions, register, signIn } from "./ceremonies";
import type { JsonBody } from "./expectations";
import type { Twin } from "./twin-judgement";

/** A registration by a fresh authenticator making `attestation`, for options asked with `request`. */
export function registrationTwin(
  choices: { attestation: AttestationFormat; algorithm?: AlgorithmName },
  request: JsonBody = {},
): Twin {
  return {
    key: `registration ${JSON.stringify(choices)} ${JSON.stringify(request)}`,
    run: async (context) => {
      const options = await creationOptions(context, context.username(), request);
      return context.client.post(
        "/attestation/result",
        context.authenticator(choices).register(options, context.origin),
      );
    },
  };
}

/** A "none" registration, then a sign-in with it for options asked with `request`. */
export function assertionTwin(algorithm?: AlgorithmName, request: JsonBody = {}): Twin {
  return {
    key: `assertion ${algorithm ?? "default"} ${JSON.stringify(request)}`,
    run: async (context) => signIn(context, await register(context, { choices: { algorithm } }), {}, request),
  };
}

/** The twin of most cases: a packed self registration. */
export const PACKED_SELF_REGISTRATION = registrationTwin({ attestation: "packed-self" });
/** The twin of chain cases: a packed full registration chained to the run's test root, for direct attestation. */
export const PACKED_FULL_REGISTRATION = registrationTwin({ attestation: "packed-full" }, { attestation: "direct" });
/** The twin of most assertion cases: a plain sign-in. */
export const SIGN_IN = assertionTwin();
