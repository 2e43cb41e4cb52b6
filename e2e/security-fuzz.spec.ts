// Security bar B24 and the registration side of SEC-09/24, against the real server over HTTP: every registration
// mutation of the software authenticator sent to the add-a-passkey actions, and fast-check bodies sent to the passkey
// sign-in action and to the FIDO2 conformance API routes. Nothing may answer with a 5xx, sign anyone in, or store a
// credential it should not. Every request comes from its own X-Forwarded-For address, so per-client rate limits
// (lib/auth/rate-limit.ts) never answer in place of the code under test. Seeds are fixed and printed on failure.
import { randomInt } from "node:crypto";
import fc from "fast-check";
import { expect, test, type Page } from "@playwright/test";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { registrationMutations, SoftwareAuthenticator, type RegistrationMutationName } from "@/lib/authenticator";
import {
  applyRandomBody,
  applyRandomMutation,
  ASSERTION_MEMBERS,
  randomBody,
  randomMutation,
  REGISTRATION_MEMBERS,
} from "@/lib/authenticator/mutations/random-mutations";
import type { Result } from "@/lib/result";
import { ACCOUNT_ACTIONS, SIGN_IN_ACTIONS, type Ceremony } from "@/test/portal-client";
import { ServerActionClient } from "@/test/server-action-client";
import { apiAccount } from "./fixtures/api-account";

const SEED = 2024_11_25;
const REFUSALS = ["input:invalid", "passkey:not-verified"];

/**
 * Registration mutations the portal accepts, and why. Each is pinned: when the portal starts refusing one, this test
 * fails until it is taken off the list.
 */
const PORTAL_ACCEPTS: Partial<Record<RegistrationMutationName, string>> = {
  userVerificationRequiredButNotSet:
    "adding a passkey asks for user verification 'preferred'; every sign-in requires it (A7)",
  packedX5cLeafOnly: "the portal asks for attestation 'none' and trusts no attestation roots (A15)",
};

/**
 * Arguments as React's client encodes them (encodeReply): a string that starts with "$" goes as "$$…", because an
 * unescaped "$…" is a Flight reference. Raw references that no React client sends get a 400 from proxy.ts (the last
 * test below), so the fuzzing here reaches the actions.
 */
function asReactSends<T>(value: T): T {
  if (typeof value === "string") return (value.startsWith("$") ? `$${value}` : value) as T;
  if (Array.isArray(value)) return value.map(asReactSends) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asReactSends(item)])) as T;
  return value;
}

let requests = 0;
/** A new client address for every request, as a proxy in front of many clients would set it. */
function fromNewClient(): { headers: Record<string, string> } {
  requests += 1;
  return { headers: { "X-Forwarded-For": `198.19.${randomInt(256)}.${requests % 256}` } };
}

/** A signed-in account with TOTP on (and no passkey yet), driven over HTTP by `client` with the browser's session. */
async function signedInAccount(page: Page, client: ServerActionClient) {
  const { jar, totp } = await apiAccount(page, client.baseUrl, 0);
  const call = <T>(action: string, args: unknown[]) =>
    client.call<Result<T>>("/account", ACCOUNT_ACTIONS, action, args, { jar, ...fromNewClient() });
  const stepUp = await call<undefined>("stepUpWithTotpAction", [await totp.code(), "add-passkey"]);
  expect(stepUp.result, stepUp.body.slice(0, 300)).toEqual({ ok: true });
  return { jar, call };
}

test("SEC-09/24 every registration mutation sent to add-a-passkey: a typed refusal, never a 5xx, no passkey added", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const client = new ServerActionClient(baseURL!);
  const { call } = await signedInAccount(page, client);
  const keyHolder = new SoftwareAuthenticator();
  const start = async () => {
    const answer = await call<Ceremony<PublicKeyCredentialCreationOptionsJSON>>("startRegistrationAction", [
      "this-device",
    ]);
    if (!answer.result?.ok) throw new Error(`registration start: ${answer.body.slice(0, 300)}`);
    return answer.result.data;
  };
  // One real passkey first: it steps up again (without waiting for a new TOTP code) after a registration spends the grant.
  const first = await start();
  const added = await call<{ id: string }>("finishRegistrationAction", [
    first.ceremonyId,
    keyHolder.register(first.options, baseURL!),
  ]);
  expect(added.result?.ok, added.body.slice(0, 300)).toBe(true);
  const stepUpWithPasskey = async () => {
    const options = await call<Ceremony<PublicKeyCredentialRequestOptionsJSON>>("startPasskeyStepUpAction", []);
    if (!options.result?.ok) throw new Error(`step-up start: ${options.body.slice(0, 300)}`);
    const { ceremonyId, options: request } = options.result.data;
    expect(
      (
        await call<undefined>("finishPasskeyStepUpAction", [
          ceremonyId,
          keyHolder.authenticate(request, baseURL!),
          "add-passkey",
        ])
      ).result,
    ).toEqual({ ok: true });
  };
  await stepUpWithPasskey();

  let accepted = 0;
  for (const [name, mutation] of Object.entries(registrationMutations) as [
    RegistrationMutationName,
    (typeof registrationMutations)[RegistrationMutationName],
  ][]) {
    const { ceremonyId, options } = await start();
    const authenticator = new SoftwareAuthenticator({
      attestation: mutation.input ?? "packed-self",
      algorithm: mutation.algorithm,
    });
    const valid = authenticator.register(options, baseURL!);
    const mutated = mutation.apply(valid, { attestationSigner: authenticator.attestationSigner(valid.id) });
    const answer = await call<{ id: string }>("finishRegistrationAction", [ceremonyId, mutated]);
    expect.soft(answer.status, `${name} must not be a server error`).toBeLessThan(500);
    const result = answer.result;
    if (PORTAL_ACCEPTS[name]) {
      expect
        .soft(result?.ok, `${name} is listed as accepted (${PORTAL_ACCEPTS[name]}): ${answer.body.slice(0, 200)}`)
        .toBe(true);
      if (result?.ok) {
        accepted += 1;
        await stepUpWithPasskey(); // the registration spent the grant
      }
    } else {
      expect.soft(result?.ok, `${name} (${mutation.family}) must be refused`).toBe(false);
      expect
        .soft(REFUSALS, `${name}: ${answer.body.slice(0, 200)}`)
        .toContain(result && !result.ok ? result.code : "no typed error");
    }
  }
  // The account's passkeys, as the server lists them for the browser to exclude: the real one plus the pinned ones.
  expect((await start()).options.excludeCredentials).toHaveLength(1 + accepted);
});

test("SEC-24 fast-check bodies to the passkey sign-in action: never a 5xx, never a session", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const client = new ServerActionClient(baseURL!);
  const { call } = await signedInAccount(page, client);
  const authenticator = new SoftwareAuthenticator();
  const registration = await call<Ceremony<PublicKeyCredentialCreationOptionsJSON>>("startRegistrationAction", [
    "this-device",
  ]);
  if (!registration.result?.ok) throw new Error(registration.body.slice(0, 300));
  const { ceremonyId: registrationId, options: creation } = registration.result.data;
  expect(
    (
      await call<{ id: string }>("finishRegistrationAction", [
        registrationId,
        authenticator.register(creation, baseURL!),
      ])
    ).result?.ok,
  ).toBe(true);

  const signIn = <T>(action: string, args: unknown[]) =>
    client.call<Result<T>>("/sign-in", SIGN_IN_ACTIONS, action, asReactSends(args), fromNewClient());
  const options = async () => {
    const answer = await signIn<Ceremony<PublicKeyCredentialRequestOptionsJSON>>("startPasskeySignInAction", []);
    if (!answer.result?.ok) throw new Error(`sign-in options: ${answer.body.slice(0, 300)}`);
    return answer.result.data;
  };
  const expectNoSession = (answer: Awaited<ReturnType<typeof signIn>>, what: string) => {
    expect(answer.status, what).toBeLessThan(500);
    expect(answer.redirect, what).toBeNull();
    expect(
      answer.setCookies.filter((cookie) => /session-token=[^;]/.test(cookie)),
      what,
    ).toEqual([]);
    expect(answer.result, what).toMatchObject({ ok: false, code: expect.stringMatching(/^[a-z-]+:[a-z-]+$/) });
  };

  // A real assertion with a signed or checked member mutated, or any JSON at all in its place.
  await fc.assert(
    fc.asyncProperty(randomBody(ASSERTION_MEMBERS), async (input) => {
      const { ceremonyId, options: request } = await options();
      const body = applyRandomBody(authenticator.authenticate(request, baseURL!), input);
      expectNoSession(
        await signIn("finishPasskeySignInAction", [ceremonyId, body]),
        JSON.stringify(input).slice(0, 300),
      );
    }),
    { numRuns: 150, seed: SEED },
  );
  // Any arguments at all: a random ceremony id, too few or too many, of any type.
  await fc.assert(
    fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }), async (args) => {
      expectNoSession(await signIn("finishPasskeySignInAction", args), JSON.stringify(args).slice(0, 300));
    }),
    { numRuns: 100, seed: SEED },
  );
  // The account still signs in with an unmutated assertion: the refusals above were not the server failing.
  const { ceremonyId, options: request } = await options();
  const valid = await signIn("finishPasskeySignInAction", [ceremonyId, authenticator.authenticate(request, baseURL!)]);
  expect(valid.result).toEqual({ ok: true });
  expect(valid.setCookies.filter((cookie) => /session-token=[^;]/.test(cookie))).toHaveLength(1);
});

test("SEC-24 fast-check bodies to the FIDO conformance API routes: never a 5xx, never a credential from a mutation", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const fido = async (path: string, body: unknown) => {
    const response = await fetch(`${baseURL}/fido${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseURL!, ...fromNewClient().headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: (() => {
        try {
          return JSON.parse(text) as { status?: string; errorMessage?: string };
        } catch {
          return undefined;
        }
      })(),
    };
  };
  const expectRefused = (answer: Awaited<ReturnType<typeof fido>>, what: string) => {
    expect(answer.status, what).toBeGreaterThanOrEqual(400);
    expect(answer.status, what).toBeLessThan(500);
    expect(answer.json?.status, what).toBe("failed");
    expect(answer.json?.errorMessage, what).toMatch(/\S/);
  };
  const paths = ["/attestation/options", "/attestation/result", "/assertion/options", "/assertion/result"];
  const keys = [
    "id",
    "rawId",
    "type",
    "response",
    "clientDataJSON",
    "attestationObject",
    "authenticatorData",
    "signature",
    "userHandle",
    "username",
    "displayName",
    "userVerification",
    "authenticatorSelection",
    "attestation",
    "extensions",
  ];
  const anyJson = fc.jsonValue({ maxDepth: 4 });

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...paths),
      fc.oneof(
        anyJson,
        fc.dictionary(fc.constantFrom(...keys), anyJson, { maxKeys: 6 }),
        fc.string({ maxLength: 100 }),
      ),
      async (path, body) => {
        const answer = await fido(path, body);
        const what = `${path} ${JSON.stringify(body).slice(0, 300)}`;
        expect(answer.status, what).toBeLessThan(500);
        if (path.endsWith("/result") || answer.status !== 200) expectRefused(answer, what);
      },
    ),
    { numRuns: 200, seed: SEED },
  );

  const username = `sec-24-${randomInt(1e9)}`;
  const authenticator = new SoftwareAuthenticator({ attestation: "packed-self" });
  const creation = async () =>
    (await fido("/attestation/options", { username })).json as unknown as PublicKeyCredentialCreationOptionsJSON;
  expect((await fido("/attestation/result", authenticator.register(await creation(), baseURL!))).status).toBe(200);
  // rawId may be left out here (it defaults to id) and userHandle is optional: those may verify, so they are not mutated.
  const signed = (members: readonly string[]) =>
    members.filter((member) => member !== "rawId" && member !== "response.userHandle");
  await fc.assert(
    fc.asyncProperty(
      fc.boolean(),
      randomMutation(signed(REGISTRATION_MEMBERS)),
      randomMutation(signed(ASSERTION_MEMBERS)),
      async (registering, onRegistration, onAssertion) => {
        if (registering) {
          const mutated = applyRandomMutation(authenticator.register(await creation(), baseURL!), onRegistration);
          expectRefused(await fido("/attestation/result", mutated), JSON.stringify(onRegistration).slice(0, 300));
        } else {
          const request = (await fido("/assertion/options", { username }))
            .json as unknown as PublicKeyCredentialRequestOptionsJSON;
          const mutated = applyRandomMutation(authenticator.authenticate(request, baseURL!), onAssertion);
          expectRefused(await fido("/assertion/result", mutated), JSON.stringify(onAssertion).slice(0, 300));
        }
      },
    ),
    { numRuns: 150, seed: SEED },
  );
});

test("SEC-24 unescaped Flight references in action arguments get a clean 400 from proxy.ts, not Next.js's 500", async ({
  baseURL,
}) => {
  const client = new ServerActionClient(baseURL!);
  for (const args of [
    ["$"],
    ["$1"],
    ["$Q1"],
    ["$W1"],
    ["$F"],
    ["$h1"],
    ["$B1"],
    ["$l"],
    ["$Z"],
    [{ nested: ["$K1"] }],
  ]) {
    const answer = await client.call("/sign-in", SIGN_IN_ACTIONS, "startPasskeySignInAction", args, fromNewClient());
    expect(answer.status, JSON.stringify(args)).toBe(400);
    expect(JSON.parse(answer.body), JSON.stringify(args)).toMatchObject({ code: "request:malformed" });
  }
  // The same action with React's escaping answers normally.
  const escaped = await client.call<Result<unknown>>(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "startPasskeySignInAction",
    ["$$1"],
    fromNewClient(),
  );
  expect(escaped.status).toBe(200);
});
