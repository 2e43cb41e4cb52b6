// A registration response through WebAuthn L3 §7.1, step by step.
import { decodeBase64url, toBase64url, toHex } from "./base64url";
import { attestationTrustStep, certificateValidityStep } from "./certificate-steps";
import { authenticatorDataSteps, clientDataSteps } from "./client-data-steps";
import { decodeAttestationObject, describeAttestation, KNOWN_FORMATS } from "./decode-attestation";
import { cborToJson, describeAuthenticatorData, parseAuthenticatorData } from "./decode-authenticator-data";
import { decodeClientData } from "./decode-client-data";
import { COSE_ALGORITHMS } from "./decode-cose-key";
import { fail, notJudged, pass, type InspectInput, type InspectResult, type Step } from "./types";
import { verifyAttestationStatement } from "./verify-attestation-statement";

function attempt(work: () => Step, onError: (error: unknown) => Step): Step {
  try {
    return work();
  } catch (error) {
    return onError(error);
  }
}

export function credentialIdStep(response: Record<string, unknown>, fromAuthData?: Buffer): Step {
  const { id, rawId } = response;
  if (typeof id !== "string" || !decodeBase64url(id))
    return fail("credential-id", "§5.1", "id is missing or not base64url");
  if (rawId !== undefined && rawId !== id) return fail("credential-id", "§5.1", "rawId differs from id");
  if (fromAuthData && decodeBase64url(id)?.equals(fromAuthData) === false)
    return fail("credential-id", "§5.1", "id differs from the credential id in authenticator data");
  return pass(
    "credential-id",
    "§5.1",
    fromAuthData ? "id, rawId and the credential id in authenticator data agree" : "id and rawId agree",
  );
}

/** §7.1 step 20: the credential key's algorithm is one the options offered in pubKeyCredParams. */
function algorithmStep(alg: unknown, offered: number[] | undefined): Step {
  if (typeof alg !== "number" || !COSE_ALGORITHMS[alg])
    return fail(
      "credential-alg",
      "§7.1 step 20",
      `the credential key's alg ${String(alg)} is not a registered COSE signature algorithm`,
    );
  const name = `${COSE_ALGORITHMS[alg]} (${alg})`;
  if (!offered)
    return pass(
      "credential-alg",
      "§7.1 step 20",
      `the credential key's alg is ${name}; give the options to check that pubKeyCredParams offered it`,
    );
  const list = offered.map((id) => COSE_ALGORITHMS[id] ?? String(id)).join(", ");
  return offered.includes(alg)
    ? pass(
        "credential-alg",
        "§7.1 step 20",
        `the credential key's alg is ${name}, which pubKeyCredParams offered (${list})`,
      )
    : fail(
        "credential-alg",
        "§7.1 step 20",
        `the credential key's alg is ${name}, which pubKeyCredParams did not offer (${list})`,
      );
}

export async function registrationSteps(
  input: InspectInput,
  now: Date,
): Promise<{ steps: Step[]; decoded: Record<string, unknown>; credential?: InspectResult["credential"] }> {
  const inner = (input.response.response ?? {}) as Record<string, unknown>;
  const steps: Step[] = [];
  const decoded: Record<string, unknown> = {};

  const clientData = decodeClientData(inner.clientDataJSON);
  if (!clientData.ok) steps.push(fail("client-data-json", "§7.1 steps 5–6", clientData.problem));
  else {
    steps.push(pass("client-data-json", "§7.1 steps 5–6", "clientDataJSON is UTF-8 JSON"));
    decoded.clientDataJSON = { ...clientData.data.fields, sha256: toHex(clientData.data.hash) };
    steps.push(...clientDataSteps(clientData.data, String(inner.clientDataJSON), input, "registration"));
    steps.push(pass("client-data-hash", "§7.1 step 12", `SHA-256(clientDataJSON) = ${toHex(clientData.data.hash)}`));
  }

  const objectBytes = decodeBase64url(inner.attestationObject);
  const attestation = objectBytes
    ? decodeAttestationObject(objectBytes)
    : { ok: false as const, problem: "response.attestationObject is not base64url" };
  if (!attestation.ok) {
    steps.push(fail("attestation-object", "§7.1 step 13", attestation.problem), credentialIdStep(input.response));
    return { steps, decoded };
  }
  steps.push(
    pass("attestation-object", "§7.1 step 13", `one CBOR map: fmt "${attestation.data.fmt}", attStmt, authData`),
  );
  const described = describeAttestation(attestation.data);
  decoded.attestation = described;

  const parsed = parseAuthenticatorData(attestation.data.authData);
  if (!parsed.ok || !parsed.data.attested) {
    steps.push(
      fail(
        "authenticator-data",
        "§7.1 step 13 (§6.1)",
        parsed.ok ? "the AT flag is not set: a registration must carry attested credential data" : parsed.problem,
      ),
      credentialIdStep(input.response),
    );
    return { steps, decoded };
  }
  const authData = parsed.data;
  const attested = parsed.data.attested!;
  decoded.authenticatorData = describeAuthenticatorData(authData);
  steps.push(
    pass(
      "authenticator-data",
      "§7.1 step 13 (§6.1)",
      `${authData.bytes.length} bytes, well formed, with attested credential data`,
    ),
  );
  steps.push(credentialIdStep(input.response, attested.credentialId));
  steps.push(...authenticatorDataSteps(authData, input, "registration"));

  steps.push(algorithmStep(attested.publicKey.get(3), input.asked?.algorithms));
  const clientExtensions = input.response.clientExtensionResults;
  steps.push(
    pass(
      "extensions",
      "§7.1 step 21",
      `authenticator extension outputs: ${JSON.stringify(cborToJson(authData.extensions) ?? {})}; client extension results: ${JSON.stringify(clientExtensions ?? {})}; judging them against what you requested is yours`,
    ),
  );

  const fmt = attestation.data.fmt;
  steps.push(
    KNOWN_FORMATS.includes(fmt)
      ? pass("attestation-format", "§7.1 step 22", `"${fmt}" is a registered attestation statement format`)
      : fail("attestation-format", "§7.1 step 22", `"${fmt}" is not a registered attestation statement format`),
  );
  if (!clientData.ok)
    steps.push(
      notJudged(
        "attestation-statement",
        "§7.1 step 23",
        "needs the client data hash, and clientDataJSON could not be read",
      ),
    );
  else {
    const statement = await verifyAttestationStatement({
      fmt,
      attStmt: attestation.data.attStmt,
      authData,
      clientDataHash: clientData.data.hash,
      x5c: attestation.data.x5c,
    });
    described.attestationType = statement.attestationType;
    steps.push({ id: "attestation-statement", spec: "§7.1 step 23", ok: statement.ok, message: statement.message });
  }
  const notCertificate = (id: string, spec: string) => (error: unknown) =>
    fail(id, spec, `x5c holds something that is not a certificate: ${(error as Error).message.split("\n")[0]}`);
  steps.push(
    attempt(
      () => certificateValidityStep(attestation.data.x5c, now),
      notCertificate("certificate-validity", "§7.1 step 25"),
    ),
  );
  steps.push(
    attempt(
      () =>
        attestationTrustStep({
          fmt,
          aaguid: attested.aaguid,
          x5c: attestation.data.x5c,
          now,
          required: input.requireTrustedAttestation ?? false,
        }),
      notCertificate("attestation-trust", "§7.1 steps 24–25"),
    ),
  );
  steps.push(
    attested.credentialId.length <= 1023
      ? pass(
          "credential-id-length",
          "§7.1 step 26",
          `the credential id is ${attested.credentialId.length} bytes (at most 1023)`,
        )
      : fail(
          "credential-id-length",
          "§7.1 step 26",
          `the credential id is ${attested.credentialId.length} bytes; at most 1023 are allowed`,
        ),
  );
  steps.push({
    ...notJudged(
      "credential-id-unique",
      "§7.1 step 27",
      `the inspector keeps no credentials: your server must refuse ${toBase64url(attested.credentialId).slice(0, 16)}… if any user already has it`,
    ),
    advisory: true,
  });
  // What the next step needs: the key and counter a relying party stores, ready to paste for the first assertion.
  const credential = {
    id: toBase64url(attested.credentialId),
    publicKey: toBase64url(attested.publicKeyBytes),
    signCount: authData.signCount,
  };
  return { steps, decoded, credential };
}
