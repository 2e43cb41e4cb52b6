// Issue #4: a TPM attestation from a manufacturer SimpleWebAuthn does not list. §8.3 asks for a TPM manufacturer in the
// AIK certificate, not for one from a vendor list, so our steps verify the statement on its own and the library's
// refusal is advice. Built from the captured tpm-rs256 vector: the same sig, certInfo, pubArea and AIK public key, with
// a new AIK certificate naming the manufacturer, issued by a CA made up for the test.
import { describe, expect, it } from "vitest";
import { reissueTpmAikCertificate, type TpmDevice } from "@/lib/authenticator/test-support/reissue-tpm-aik-certificate";
import { inspectResponse } from "./inspect-response";
import type { InspectInput, InspectResult } from "./types";
import { vectors } from "./vectors";

// "PKLB": absent from SimpleWebAuthn 14's TPM_MANUFACTURERS (and from the TCG vendor ID registry it copies);
// id:FFFFF1D0 ("FIDO Alliance", the captured AIK certificate's) is listed.
const UNLISTED: TpmDevice = { manufacturer: "id:504B4C42", model: "Passkey Lab TPM", version: "id:13" };
const LISTED: TpmDevice = { ...UNLISTED, manufacturer: "id:FFFFF1D0" };

function inspectWithAik(device: TpmDevice, extra: Partial<InspectInput> = {}): Promise<InspectResult> {
  const response = structuredClone(vectors.tpm.response);
  const inner = response.response as { attestationObject: string };
  inner.attestationObject = reissueTpmAikCertificate(inner.attestationObject, device).attestationObject;
  const { challenge, origin, rpId } = vectors.tpm.expected;
  // The new certificates are valid from yesterday, and SimpleWebAuthn judges dates by today's clock: judge ours today.
  const input = {
    response,
    expectedChallenge: challenge,
    expectedOrigin: [origin],
    expectedRPID: rpId,
    now: Date.now(),
    ...extra,
  };
  return inspectResponse(input, "registration");
}
const step = (result: InspectResult, id: string) => result.steps.find((item) => item.id === id);
const failed = (result: InspectResult) =>
  result.steps.filter((item) => item.ok === false && !item.advisory).map((item) => item.id);

describe("a TPM attestation from a manufacturer SimpleWebAuthn does not list", () => {
  it("is valid by our steps, with the library's refusal over the manufacturer shown as advice", async () => {
    const result = await inspectWithAik(UNLISTED);
    expect(failed(result)).toEqual([]);
    expect(result.verdict).toBe("valid");
    expect(step(result, "attestation-statement")?.ok).toBe(true);
    expect(step(result, "attestation-statement")?.message).toMatch(
      /sig verifies with the AIK certificate .*; the TPM manufacturer is not judged against a vendor list$/,
    );
    expect(step(result, "certificate-validity")?.ok).toBe(true);
    // Nothing trusts the made-up CA, and trust is not required here.
    expect(step(result, "attestation-trust")).toMatchObject({ ok: false, advisory: true });
    expect(step(result, "library-verdict")).toMatchObject({ ok: false, advisory: true });
    expect(step(result, "library-verdict")?.message).toMatch(
      /refuses it \(Could not match TPM manufacturer "id:504B4C42" \(TPM\)\)/,
    );
    expect(step(result, "library-verdict")?.message).toMatch(/the inspector's own checks decide \(valid\)$/);
  });

  it("is invalid only through the trust step when trusted attestation is required", async () => {
    const result = await inspectWithAik(UNLISTED, { requireTrustedAttestation: true });
    expect(result.verdict).toBe("invalid");
    expect(failed(result)).toEqual(["attestation-trust"]);
    expect(step(result, "attestation-statement")?.ok).toBe(true);
    expect(step(result, "library-verdict")).toMatchObject({ ok: true, advisory: true });
  });

  it("is verified by SimpleWebAuthn too once the same certificate names a listed manufacturer", async () => {
    // The control: only the manufacturer differs, so it alone is what the library refused above.
    const result = await inspectWithAik(LISTED);
    expect(result.verdict).toBe("valid");
    expect(step(result, "library-verdict")).toMatchObject({ ok: true, advisory: true });
    expect(step(result, "library-verdict")?.message).toBe("SimpleWebAuthn verifies it, as the inspector does");
  });
});
