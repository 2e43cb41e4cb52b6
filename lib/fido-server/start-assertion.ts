// POST /fido/assertion/options: ServerPublicKeyCredentialGetOptionsRequest -> request options.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { challenges, fidoCredentials, fidoUsers } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { failForDevelopers, ok, type Result } from "@/lib/result";
import { CHALLENGE_BYTES, fidoRelyingParty } from "./conformance-relying-party";
import { describeIssue } from "./describe-issue";
import { requestOptionsRequestSchema, type UserVerification } from "./options-request-schemas";

export type RequestOptions = {
  challenge: string;
  timeout: number;
  rpId: string;
  allowCredentials: { type: "public-key"; id: string; transports: string[] }[];
  userVerification: UserVerification;
  extensions: Record<string, unknown>;
};

/**
 * allowCredentials is exactly the user's credentials; the challenge is bound to the user and remembers the requested
 * userVerification, so "required" is enforced at /assertion/result. The conformance users are throwaway test users,
 * so an unknown username is said plainly (the portal answers with decoys instead: security bar E43).
 */
export async function startAssertion(body: unknown): Promise<Result<RequestOptions>> {
  const parsed = requestOptionsRequestSchema.safeParse(body);
  if (!parsed.success)
    return failForDevelopers(
      "fido:bad-request",
      `Malformed get options request: ${describeIssue(parsed.error, body)}.`,
    );
  const request = parsed.data;
  const user = await db.query.fidoUsers.findFirst({ where: eq(fidoUsers.username, request.username) });
  const credentials = user
    ? await db.query.fidoCredentials.findMany({ where: eq(fidoCredentials.fidoUserId, user.id) })
    : [];
  if (!user || credentials.length === 0) {
    return failForDevelopers(
      "fido:unknown-user",
      `No user "${request.username}" with a registered credential: register first at /attestation/result.`,
    );
  }
  const userVerification = request.userVerification ?? request.authenticatorSelection?.userVerification ?? "preferred";
  const challenge = randomBytes(CHALLENGE_BYTES).toString("base64url");
  await db.insert(challenges).values({
    id: newToken(16),
    purpose: "fido-authentication",
    value: challenge,
    fidoUserId: user.id,
    userVerification,
    expiresAt: new Date(Date.now() + fidoRelyingParty.timeoutMs),
  });
  return ok({
    challenge,
    timeout: fidoRelyingParty.timeoutMs,
    rpId: fidoRelyingParty.id,
    allowCredentials: credentials.map((credential) => ({
      type: "public-key" as const,
      id: credential.id,
      transports: credential.transports,
    })),
    userVerification,
    extensions: request.extensions ?? {},
  });
}
