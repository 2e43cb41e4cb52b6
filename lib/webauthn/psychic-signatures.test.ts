// Security bar B22: ECDSA signatures with r = s = 0 ("psychic signatures", CVE-2022-21449) and r = s = n verify nothing,
// for any message and key. The Security-22 mutations of the software authenticator put them in assertions and in
// packed self attestations; the portal and the FIDO conformance API must refuse every one with their typed error.
import { generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { db } from "@/lib/db/client";
import { fidoCredentials, passkeys } from "@/lib/db/schema";
import { listFailedSignIns } from "@/lib/auth/failed-sign-ins";
import { grantStepUp } from "@/lib/auth/step-up";
import { assertionMutations, registrationMutations, SoftwareAuthenticator } from "@/lib/authenticator";
import { ECDSA_CURVE_ORDER_SIGNATURE, ECDSA_ZERO_SIGNATURE } from "@/lib/authenticator/mutations/psychic-signatures";
import { newToken } from "@/lib/crypto/tokens";
import { createAccount, ORIGIN } from "@/test/accounts";
import { post } from "@/test/fido-requests";
import { finishPasskeySignIn } from "./authentication";
import { saveChallenge } from "./challenges";
import { finishRegistration, startRegistration } from "./registration";
import { relyingParty } from "./relying-party";
import { englishPasskeyWords } from "@/test/passkey-words";

const ASSERTION_CASES = Object.entries(assertionMutations).filter(([, mutation]) => mutation.family === "Security-22");
const REGISTRATION_CASES = Object.entries(registrationMutations).filter(
  ([, mutation]) => mutation.family === "Security-22",
);

describe("the Security-22 mutations", () => {
  it("exist for assertions and packed self attestation, with the DER of r = s = 0 and r = s = n", () => {
    expect(ASSERTION_CASES.map(([name]) => name)).toEqual(["signatureZero", "signatureCurveOrder"]);
    expect(REGISTRATION_CASES.map(([name]) => name)).toEqual(["packedSigZero", "packedSigCurveOrder"]);
    expect(ECDSA_ZERO_SIGNATURE.toString("hex")).toBe("3006020100020100");
    const n = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"; // P-256 group order
    expect(ECDSA_CURVE_ORDER_SIGNATURE.toString("hex")).toBe(`3046022100${n}022100${n}`);
  });

  it("never verify with node:crypto, for any message", () => {
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    for (const signature of [ECDSA_ZERO_SIGNATURE, ECDSA_CURVE_ORDER_SIGNATURE]) {
      for (const message of [Buffer.alloc(0), Buffer.from("any message"), Buffer.alloc(64, 0xff)]) {
        expect(verify("sha256", message, publicKey, signature)).toBe(false);
      }
    }
  });
});

describe("the portal (lib/webauthn)", () => {
  it.each(ASSERTION_CASES)("refuses a sign-in with %s and keeps the counter", async (_name, mutation) => {
    const account = await createAccount({ passkeys: 1, algorithm: mutation.algorithm });
    const challenge = Buffer.from(newToken(32), "base64url").toString("base64url");
    const ceremonyId = await saveChallenge({ purpose: "sign-in", value: challenge, userId: null });
    const valid = account.authenticator.authenticate({ challenge, rpId: relyingParty.id }, ORIGIN);
    const signer = account.authenticator.credentialSigner(account.passkeyIds[0]);
    const result = await finishPasskeySignIn(ceremonyId, mutation.apply(valid, { signer }), "t");
    // The caller gets the code and message only; the reason is what the account's failed sign-ins record (H61, H62).
    expect(result).toEqual({ ok: false, code: "passkey:not-verified", message: expect.any(String) });
    expect((await listFailedSignIns(account.user.id))[0].reasons).toEqual([{ reason: "passkey:signature", count: 1 }]);
    expect((await db.query.passkeys.findFirst({ where: eq(passkeys.id, account.passkeyIds[0]) }))?.counter).toBe(0);
  });

  it.each(REGISTRATION_CASES)("refuses a registration with %s and stores nothing", async (_name, mutation) => {
    const account = await createAccount();
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "add-passkey",
    });
    const start = await startRegistration(account, "this-device");
    if (!start.ok) throw new Error(start.code);
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self", algorithm: mutation.algorithm });
    const valid = authenticator.register(start.data.options, ORIGIN);
    const result = await finishRegistration(
      account,
      start.data.ceremonyId,
      mutation.apply(valid, { attestationSigner: authenticator.attestationSigner(valid.id) }),
      "t",
      englishPasskeyWords,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "passkey:not-verified",
      detail: "the attestation signature did not verify",
    });
    expect(await db.query.passkeys.findMany({ where: eq(passkeys.userId, account.user.id) })).toEqual([]);
  });
});

describe("the FIDO conformance API (lib/fido-server)", () => {
  const creationOptions = async (username: string) =>
    (await post("/attestation/options", { username })).body as unknown as PublicKeyCredentialCreationOptionsJSON;

  it.each(ASSERTION_CASES)("refuses an assertion with %s", async (_name, mutation) => {
    const username = `psychic-${newToken(6)}`;
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self", algorithm: mutation.algorithm });
    const registration = authenticator.register(await creationOptions(username), ORIGIN);
    expect((await post("/attestation/result", registration)).body.errorMessage).toBe("");
    const options = (await post("/assertion/options", { username }))
      .body as unknown as PublicKeyCredentialRequestOptionsJSON;
    const mutated = mutation.apply(authenticator.authenticate(options, ORIGIN), {
      signer: authenticator.credentialSigner(registration.id),
    });
    const answer = await post("/assertion/result", mutated);
    expect(answer).toEqual({
      status: 400,
      body: { status: "failed", errorMessage: "Assertion refused: the signature did not verify." },
    });
    expect(
      (await db.query.fidoCredentials.findFirst({ where: eq(fidoCredentials.id, registration.id) }))?.counter,
    ).toBe(0);
  });

  it.each(REGISTRATION_CASES)("refuses a registration with %s", async (_name, mutation) => {
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self", algorithm: mutation.algorithm });
    const valid = authenticator.register(await creationOptions(`psychic-${newToken(6)}`), ORIGIN);
    const answer = await post(
      "/attestation/result",
      mutation.apply(valid, { attestationSigner: authenticator.attestationSigner(valid.id) }),
    );
    expect(answer).toEqual({
      status: 400,
      body: { status: "failed", errorMessage: "Registration refused: the attestation signature did not verify." },
    });
    expect(await db.query.fidoCredentials.findFirst({ where: eq(fidoCredentials.id, valid.id) })).toBeUndefined();
  });
});
