// An authentication response through WebAuthn L3 §7.2, step by step.
import { decodeBase64url, toBase64url, toHex } from "./base64url";
import { authenticatorDataSteps, clientDataSteps } from "./client-data-steps";
import { cborToJson, describeAuthenticatorData, parseAuthenticatorData } from "./decode-authenticator-data";
import { decodeClientData } from "./decode-client-data";
import { describeCoseKey, type CoseKey } from "./decode-cose-key";
import { credentialIdStep } from "./registration-steps";
import { decodeCborItem } from "./safe-cbor";
import { fail, notJudged, pass, type InspectInput, type Step } from "./types";
import { verifyWithCoseKey } from "./verify-signature";

export function decodeCredentialPublicKey(
  value: string,
): { ok: true; key: CoseKey; bytes: Buffer } | { ok: false; problem: string } {
  const bytes = decodeBase64url(value);
  if (!bytes) return { ok: false, problem: "the credential public key is not base64url" };
  try {
    const { value: key, end } = decodeCborItem(bytes);
    if (!(key instanceof Map) || end !== bytes.length)
      return { ok: false, problem: "the credential public key is not one COSE_Key map" };
    return { ok: true, key: key as CoseKey, bytes };
  } catch (error) {
    return { ok: false, problem: `the credential public key is not CBOR: ${(error as Error).message}` };
  }
}

export async function authenticationSteps(
  input: InspectInput,
): Promise<{ steps: Step[]; decoded: Record<string, unknown> }> {
  const inner = (input.response.response ?? {}) as Record<string, unknown>;
  const steps: Step[] = [credentialIdStep(input.response)];
  const decoded: Record<string, unknown> = {};

  const clientData = decodeClientData(inner.clientDataJSON);
  if (!clientData.ok) steps.push(fail("client-data-json", "§7.2 steps 8–9", clientData.problem));
  else {
    steps.push(pass("client-data-json", "§7.2 steps 8–9", "clientDataJSON is UTF-8 JSON"));
    decoded.clientDataJSON = { ...clientData.data.fields, sha256: toHex(clientData.data.hash) };
    steps.push(...clientDataSteps(clientData.data, String(inner.clientDataJSON), input, "authentication"));
  }

  const authBytes = decodeBase64url(inner.authenticatorData);
  const parsed = authBytes
    ? parseAuthenticatorData(authBytes)
    : { ok: false as const, problem: "response.authenticatorData is not base64url" };
  if (!parsed.ok) {
    steps.push(fail("authenticator-data", "§7.2 step 7 (§6.1)", parsed.problem));
    return { steps, decoded };
  }
  const authData = parsed.data;
  decoded.authenticatorData = describeAuthenticatorData(authData);
  steps.push(pass("authenticator-data", "§7.2 step 7 (§6.1)", `${authData.bytes.length} bytes, well formed`));
  steps.push(...authenticatorDataSteps(authData, input, "authentication"));
  steps.push(
    pass(
      "extensions",
      "§7.2 step 20",
      `authenticator extension outputs: ${JSON.stringify(cborToJson(authData.extensions) ?? {})}; judging them against what you requested is yours`,
    ),
  );
  if (clientData.ok)
    steps.push(pass("client-data-hash", "§7.2 step 21", `SHA-256(clientDataJSON) = ${toHex(clientData.data.hash)}`));

  const signature = decodeBase64url(inner.signature);
  if (signature) decoded.signature = { length: signature.length, base64url: toBase64url(signature) };
  if (typeof inner.userHandle === "string") decoded.userHandle = inner.userHandle;
  if (input.credentialPublicKey === undefined)
    steps.push(
      notJudged(
        "signature",
        "§7.2 step 22",
        "no credential public key given: paste the COSE key stored at registration to check the signature",
      ),
    );
  else if (!signature) steps.push(fail("signature", "§7.2 step 22", "response.signature is missing or not base64url"));
  else if (!clientData.ok)
    steps.push(
      notJudged("signature", "§7.2 step 22", "needs the client data hash, and clientDataJSON could not be read"),
    );
  else {
    const key = decodeCredentialPublicKey(input.credentialPublicKey);
    if (!key.ok) steps.push(fail("signature", "§7.2 step 22", key.problem));
    else {
      decoded.credentialPublicKey = describeCoseKey(key.key);
      const check = await verifyWithCoseKey(
        key.key,
        key.bytes,
        Buffer.concat([authData.bytes, clientData.data.hash]),
        signature,
      );
      steps.push(
        check.ok
          ? pass(
              "signature",
              "§7.2 step 22",
              `the signature over authenticatorData ‖ SHA-256(clientDataJSON) verifies (${check.by})`,
            )
          : fail(
              "signature",
              "§7.2 step 22",
              `the signature does not verify with this key (${check.problem ?? check.by})`,
            ),
      );
    }
  }

  const stored = input.storedSignCount;
  const count = authData.signCount;
  if (stored === undefined)
    steps.push(notJudged("sign-count", "§7.2 step 23", `no stored sign count given (the assertion's is ${count})`));
  else if (count === 0 && stored === 0)
    steps.push(pass("sign-count", "§7.2 step 23", "both counters are 0: this authenticator keeps no counter"));
  else if (count > stored)
    steps.push(pass("sign-count", "§7.2 step 23", `the counter moved from ${stored} to ${count}`));
  // The specification leaves the consequence to the relying party; this lab refuses it (security bar A10).
  else
    steps.push(
      fail(
        "sign-count",
        "§7.2 step 23",
        `the counter is ${count}, not above the stored ${stored}: a sign the authenticator may be cloned, or a replay`,
      ),
    );
  return { steps, decoded };
}
