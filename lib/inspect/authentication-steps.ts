// An authentication response through WebAuthn L3 §7.2, step by step.
import { decodeBase64url, toBase64url, toHex } from "./base64url";
import { authenticatorDataSteps, clientDataSteps } from "./client-data-steps";
import { cborToJson, describeAuthenticatorData, parseAuthenticatorData } from "./decode-authenticator-data";
import { decodeClientData } from "./decode-client-data";
import { readCredentialPublicKey } from "./credential-public-key";
import { describeCoseKey } from "./decode-cose-key";
import { credentialIdStep } from "./registration-steps";
import { fail, notJudged, pass, type InspectInput, type Step } from "./types";
import { verifyWithCoseKey } from "./verify-signature";

export async function authenticationSteps(
  input: InspectInput,
): Promise<{ steps: Step[]; decoded: Record<string, unknown> }> {
  const inner = (input.response.response ?? {}) as Record<string, unknown>;
  const steps: Step[] = [credentialIdStep(input.response)];
  const allowed = allowCredentialsStep(input.response.id, input.asked?.allowCredentials);
  if (allowed) steps.push(allowed);
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
        "no credential public key given: paste the key stored at registration (COSE, or SPKI from toJSON()) to check the signature",
      ),
    );
  else if (!signature) steps.push(fail("signature", "§7.2 step 22", "response.signature is missing or not base64url"));
  else if (!clientData.ok)
    steps.push(
      notJudged("signature", "§7.2 step 22", "needs the client data hash, and clientDataJSON could not be read"),
    );
  else {
    const read = readCredentialPublicKey(input.credentialPublicKey, input.asked?.algorithms);
    if (!read.ok) steps.push(fail("signature", "§7.2 step 22", read.problem));
    else {
      const key = read.data;
      decoded.credentialPublicKey = {
        givenAs: key.assumedAlg ? `SPKI (algorithm taken as ${key.assumedAlg})` : key.format,
        ...describeCoseKey(key.key),
      };
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

/** §7.2 step 5: when the options listed allowCredentials, the credential used must be one of them. */
function allowCredentialsStep(id: unknown, allowed: string[] | undefined): Step | undefined {
  if (!allowed) return undefined;
  if (allowed.length === 0)
    return pass(
      "allow-credentials",
      "§7.2 step 5",
      "allowCredentials was empty: any discoverable credential may answer",
    );
  const normalise = (value: string) => value.replace(/=+$/, "");
  return typeof id === "string" && allowed.map(normalise).includes(normalise(id))
    ? pass("allow-credentials", "§7.2 step 5", `the credential is one of the ${allowed.length} allowCredentials listed`)
    : fail(
        "allow-credentials",
        "§7.2 step 5",
        `the credential ${JSON.stringify(id)} is not among the ${allowed.length} allowCredentials the options listed`,
      );
}
