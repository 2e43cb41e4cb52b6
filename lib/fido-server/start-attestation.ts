// POST /fido/attestation/options: ServerPublicKeyCredentialCreationOptionsRequest -> creation options.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { transaction } from "@/lib/db/client";
import { challenges, fidoCredentials } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { failForDevelopers, ok, type Result } from "@/lib/result";
import { CHALLENGE_BYTES, FIDO_ALGORITHMS, fidoRelyingParty } from "./conformance-relying-party";
import { describeIssue } from "./describe-issue";
import { ensureFidoUser } from "./ensure-fido-user";
import { creationOptionsRequestSchema } from "./options-request-schemas";

export type CreationOptions = {
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  challenge: string;
  pubKeyCredParams: { type: "public-key"; alg: number }[];
  timeout: number;
  excludeCredentials: { type: "public-key"; id: string; transports: string[] }[];
  authenticatorSelection: Record<string, unknown>;
  attestation: string;
  extensions: Record<string, unknown>;
};

/**
 * Makes the user on first use, saves a single-use challenge bound to them, and answers with options that echo the
 * requested attestation, authenticatorSelection (userVerification "preferred" when not given) and extensions, and
 * exclude every credential the user already has (security bar F50).
 */
export async function startAttestation(body: unknown): Promise<Result<CreationOptions>> {
  const parsed = creationOptionsRequestSchema.safeParse(body);
  if (!parsed.success)
    return failForDevelopers(
      "fido:bad-request",
      `Malformed creation options request: ${describeIssue(parsed.error, body)}.`,
    );
  const request = parsed.data;
  const displayName = request.displayName ?? request.username;
  const userVerification = request.authenticatorSelection?.userVerification ?? "preferred";
  const challenge = randomBytes(CHALLENGE_BYTES).toString("base64url");

  return transaction(async (tx) => {
    const user = await ensureFidoUser(tx, request.username, displayName);
    const existing = await tx.query.fidoCredentials.findMany({ where: eq(fidoCredentials.fidoUserId, user.id) });
    await tx.insert(challenges).values({
      id: newToken(16),
      purpose: "fido-registration",
      value: challenge,
      fidoUserId: user.id,
      userVerification,
      expiresAt: new Date(Date.now() + fidoRelyingParty.timeoutMs),
    });
    return ok({
      rp: { id: fidoRelyingParty.id, name: fidoRelyingParty.name },
      user: { id: user.webauthnUserId, name: request.username, displayName },
      challenge,
      pubKeyCredParams: FIDO_ALGORITHMS.map((alg) => ({ type: "public-key" as const, alg })),
      timeout: fidoRelyingParty.timeoutMs,
      excludeCredentials: existing.map((credential) => ({
        type: "public-key" as const,
        id: credential.id,
        transports: credential.transports,
      })),
      authenticatorSelection: { ...request.authenticatorSelection, userVerification },
      attestation: request.attestation,
      extensions: request.extensions ?? {},
    });
  });
}
