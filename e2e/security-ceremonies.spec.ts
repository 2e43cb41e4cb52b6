// Security bar, ceremony items, against the real server over HTTP with real signatures (docs/security.md maps them).
import { expect, test } from "@playwright/test";
import { assertionMutations } from "@/lib/authenticator";
import { finishPasskeySignIn, passkeySignInOptions, portalClient } from "@/test/portal-client";
import { apiAccount } from "./fixtures/api-account";

test("SEC-25/26 the same assertion twice, and 20 times at once: exactly one session", async ({ page, baseURL }) => {
  const client = portalClient(baseURL!);
  const account = await apiAccount(page, baseURL!);
  const { ceremonyId, options } = await passkeySignInOptions(client);
  const response = account.authenticator.authenticate(options, baseURL!);
  const results = await Promise.all(
    Array.from({ length: 20 }, () => finishPasskeySignIn(client, ceremonyId, response)),
  );
  expect(results.filter((result) => result.signedIn)).toHaveLength(1);
  expect(results.every((result) => result.status < 500)).toBe(true);
  expect((await finishPasskeySignIn(client, ceremonyId, response)).signedIn).toBe(false);
});

test("SEC-10 a counter that does not increase is refused; 0 then 0 is accepted", async ({ page, baseURL }) => {
  const client = portalClient(baseURL!);
  const account = await apiAccount(page, baseURL!);
  const attempt = async (signCount: number) => {
    const { ceremonyId, options } = await passkeySignInOptions(client);
    return (
      await finishPasskeySignIn(
        client,
        ceremonyId,
        account.authenticator.authenticate(options, baseURL!, { signCount }),
      )
    ).signedIn;
  };
  expect(await attempt(0)).toBe(true);
  expect(await attempt(0)).toBe(true);
  expect(await attempt(10)).toBe(true);
  expect(await attempt(10)).toBe(false);
  expect(await attempt(5)).toBe(false);
  expect(await attempt(11)).toBe(true);
});

test("SEC-09/24 every FIDO negative case and flipped byte: never a session, never a 5xx", async ({ page, baseURL }) => {
  const client = portalClient(baseURL!);
  // ES256: some faults are in the encoding of an ECDSA signature (`mutation.algorithm`); the portal offers EdDSA first.
  const account = await apiAccount(page, baseURL!, 1, { algorithm: "ES256" });
  const credentialId = account.passkeyIds[0];
  const signer = account.authenticator.credentialSigner(credentialId);
  // One real sign-in sets the stored counter to 5; no mutated response may move it.
  const first = await passkeySignInOptions(client);
  expect(
    (
      await finishPasskeySignIn(
        client,
        first.ceremonyId,
        account.authenticator.authenticate(first.options, baseURL!, { signCount: 5 }),
      )
    ).signedIn,
  ).toBe(true);
  for (const [name, mutation] of Object.entries(assertionMutations)) {
    expect(mutation.algorithm ?? "ES256", `${name} needs a credential of its own kind`).toBe("ES256");
    const { ceremonyId, options } = await passkeySignInOptions(client);
    const valid = account.authenticator.authenticate(options, baseURL!);
    const mutated = mutation.apply(valid, { signer, storedCounter: 5 });
    const result = await finishPasskeySignIn(client, ceremonyId, mutated);
    expect.soft(result.signedIn, `${name} (${mutation.family}) must not sign in`).toBe(false);
    expect.soft(result.status, `${name} must not be a server error`).toBeLessThan(500);
  }
});

test("SEC-28 a challenge issued for another purpose is refused", async ({ page, baseURL }) => {
  const client = portalClient(baseURL!);
  const account = await apiAccount(page, baseURL!);
  // A step-up challenge (bound to the account's session) used to sign in.
  const stepUp = await client.call<{
    ok: true;
    data: { ceremonyId: string; options: Parameters<typeof account.authenticator.authenticate>[0] };
  }>("/account", "app/(account)/account/actions.ts", "startPasskeyStepUpAction", [], { jar: account.jar });
  const response = account.authenticator.authenticate(stepUp.result!.data.options, baseURL!);
  expect((await finishPasskeySignIn(client, stepUp.result!.data.ceremonyId, response)).signedIn).toBe(false);
});

test("SEC-43 username-first options for an unknown email: plausible and deterministic decoys", async ({ baseURL }) => {
  const client = portalClient(baseURL!);
  const email = `nobody-${Date.now()}@example.com`;
  const first = await passkeySignInOptions(client, email);
  const second = await passkeySignInOptions(client, email);
  const ids = first.options.allowCredentials?.map((credential) => credential.id) ?? [];
  expect(ids.length).toBeGreaterThan(0);
  expect(second.options.allowCredentials?.map((credential) => credential.id)).toEqual(ids);
  expect(first.options.challenge).not.toBe(second.options.challenge);
});
