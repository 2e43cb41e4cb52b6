// Security round 2, what a stranger can make the server do (docs/security.md, section H): store rows without end,
// tell a decoy from a real account by the error code, write into an account's activity log, and find a report that
// should have expired. Against `next start` over HTTP, with forged client addresses where the attack uses them.
import { expect, test } from "@playwright/test";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import { finishPasskeySignIn, passkeySignInOptions, portalClient } from "@/test/portal-client";
import { apiAccount } from "./fixtures/api-account";
import { uniqueEmail } from "./fixtures/account";
import { readServerDatabase, writeServerDatabase } from "./fixtures/server-database";

const OVERALL_SIGN_IN_OPTIONS = "sign-in-options:all:*";

/** An assertion no registered passkey made, presented under `credentialId`, with no user handle (username-first). */
function junkAssertion(
  options: Parameters<SoftwareAuthenticator["authenticate"]>[0],
  credentialId: string,
  origin: string,
) {
  const stranger = new SoftwareAuthenticator();
  stranger.register(
    {
      challenge: "AAAAAAAAAAAAAAAAAAAAAA",
      rp: { id: "localhost", name: "Elsewhere" },
      user: { id: "AAAA", name: "x", displayName: "x" },
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
    },
    origin,
  );
  const response = stranger.authenticate({ ...options, allowCredentials: undefined }, origin);
  return {
    ...response,
    id: credentialId,
    rawId: credentialId,
    response: { ...response.response, userHandle: undefined },
  };
}

const overallBucket = () =>
  readServerDatabase(async (database) => {
    const row = (
      await database.execute({
        sql: "select count, window_start from rate_limit_buckets where key = ?",
        args: [OVERALL_SIGN_IN_OPTIONS],
      })
    ).rows[0];
    return { count: Number(row?.count ?? 0), windowStart: Number(row?.window_start ?? 0) };
  });

test("SEC-60 sign-in options count against one budget for every caller together, and expired challenges go while the server runs", async ({
  baseURL,
}) => {
  // Ten strangers, each from its own address: each passes its own per-client limit, and each is counted overall, in
  // the database, in the commit that stores its challenge (3000 a minute for everyone; at the ceiling a fresh client
  // is refused and nothing is stored: authentication.test.ts).
  const before = await overallBucket();
  const ceremonyIds: string[] = [];
  for (let i = 0; i < 10; i++)
    ceremonyIds.push((await passkeySignInOptions(portalClient(baseURL!, `203.0.113.${60 + i}`))).ceremonyId);
  const after = await overallBucket();
  // Other tests may ask for options at the same time (so "at least"), and a new minute may have begun in between.
  if (after.windowStart === before.windowStart) expect(after.count - before.count).toBeGreaterThanOrEqual(10);
  else expect(after.count).toBeGreaterThanOrEqual(1);

  // The challenges expire (their clock moved 5 minutes on); the sweeper deletes them while the server runs, not only
  // at the next start.
  await writeServerDatabase((database) =>
    database.execute({
      sql: `update challenges set expires_at = ? where id in (${ceremonyIds.map(() => "?").join(",")})`,
      args: [Date.now() - 1_000, ...ceremonyIds],
    }),
  );
  const left = () =>
    readServerDatabase(async (database) =>
      Number(
        (
          await database.execute({
            sql: `select count(*) as n from challenges where id in (${ceremonyIds.map(() => "?").join(",")})`,
            args: ceremonyIds,
          })
        ).rows[0].n,
      ),
    );
  await expect.poll(left, { timeout: 15_000 }).toBe(0);
});

test("SEC-62 a junk assertion answers alike for a decoy and for a real account: same code, same message, no verifier's words", async ({
  page,
  baseURL,
}) => {
  const account = await apiAccount(page, baseURL!);
  const client = portalClient(baseURL!);
  const decoy = await passkeySignInOptions(client, uniqueEmail("nobody"));
  const real = await passkeySignInOptions(client, account.email);
  const decoyId = decoy.options.allowCredentials![0].id;
  const realId = real.options.allowCredentials![0].id;
  expect(realId).toBe(account.passkeyIds[0]);

  const decoyAnswer = await finishPasskeySignIn(
    client,
    decoy.ceremonyId,
    junkAssertion(decoy.options, decoyId, baseURL!),
  );
  const realAnswer = await finishPasskeySignIn(client, real.ceremonyId, junkAssertion(real.options, realId, baseURL!));
  expect(decoyAnswer.signedIn || realAnswer.signedIn).toBe(false);
  expect(decoyAnswer.status).toBe(realAnswer.status);
  expect(decoyAnswer.result).toEqual(realAnswer.result);
  expect(realAnswer.result).toEqual({
    ok: false,
    code: "passkey:not-verified",
    message: "That passkey couldn't be verified. Try again, or choose another passkey.",
  });
  // Usernameless too: the id of a real passkey and a decoy's answer alike.
  const [first, second] = [await passkeySignInOptions(client), await passkeySignInOptions(client)];
  const viaDecoy = await finishPasskeySignIn(client, first.ceremonyId, junkAssertion(first.options, decoyId, baseURL!));
  const viaReal = await finishPasskeySignIn(client, second.ceremonyId, junkAssertion(second.options, realId, baseURL!));
  expect(viaDecoy.result).toEqual(viaReal.result);
});

test("SEC-61 a stranger's junk assertions are counted, not written into the account's activity: no caller text, no challenge, real events kept", async ({
  page,
  baseURL,
}) => {
  const account = await apiAccount(page, baseURL!);
  const challenges: string[] = [];
  // 30 junk assertions with the account's credential id, from three addresses, each claiming a hostile origin.
  const hostileOrigin = "https://verdict-of-my-choosing.example";
  for (let i = 0; i < 30; i++) {
    const client = portalClient(baseURL!, `192.0.2.${61 + (i % 3)}`);
    const { ceremonyId, options } = await passkeySignInOptions(client, account.email);
    challenges.push(options.challenge);
    const junk = account.authenticator.authenticate(options, hostileOrigin);
    const answer = await finishPasskeySignIn(client, ceremonyId, junk);
    expect(answer.result).toEqual({ ok: false, code: "passkey:not-verified", message: expect.any(String) });
  }

  await page.goto("/account/activity");
  await expect(page.getByRole("cell", { name: "Passkey added", exact: true })).toHaveCount(1);
  await expect(page.getByRole("cell", { name: "Sign-in failed", exact: true })).toHaveCount(0);
  const failed = page.getByRole("list", { name: "Failed sign-ins" });
  await expect(failed).toContainText("30 failed sign-ins from 3 addresses");
  await expect(failed).toContainText("30 × signed for another origin");

  // Nothing the caller wrote and no challenge is stored anywhere an owner or support reads.
  const stored = await readServerDatabase(async (database) => {
    const events = await database.execute({
      sql: "select a.type, a.detail, a.client from audit_events a join users u on u.id = a.user_id where u.email = ?",
      args: [account.email],
    });
    const counted = await database.execute({
      sql: "select f.* from failed_sign_ins f join users u on u.id = f.user_id where u.email = ?",
      args: [account.email],
    });
    return JSON.stringify([events.rows, counted.rows]);
  });
  expect(stored).not.toContain("verdict-of-my-choosing");
  expect(stored).not.toContain("192.0.2.");
  for (const challenge of challenges) expect(stored).not.toContain(challenge);
});

test("SEC-68 a report past its 30 days is never shown, and the sweeper deletes it while the server runs", async ({
  page,
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const content = { version: 2, locale: "en", snapshot: { javascript: true } };
  const saves = await Promise.all(
    [0, 1].map(() =>
      client.call<{ ok: true; data: { code: string } }>(
        "/troubleshoot",
        "app/troubleshoot/actions.ts",
        "saveReportAction",
        [content],
      ),
    ),
  );
  const [aged, fresh] = saves.map((save) => save.result!.data.code);
  for (const code of [aged, fresh]) expect((await page.goto(`/troubleshoot/report/${code}`))?.status()).toBe(200);

  // 30 days and a minute pass for one of them.
  const thirtyDays = 30 * 24 * 60 * 60_000;
  await writeServerDatabase((database) =>
    database.execute({
      sql: "update troubleshoot_reports set created_at = ?, expires_at = ? where code = ?",
      args: [Date.now() - thirtyDays - 60_000, Date.now() - 60_000, aged],
    }),
  );
  expect((await page.goto(`/troubleshoot/report/${aged}`))?.status()).toBe(404);
  expect((await page.request.get(`/troubleshoot/report/${aged}/json`)).status()).toBe(404);
  const stillStored = (code: string) =>
    readServerDatabase(async (database) =>
      Number(
        (await database.execute({ sql: "select count(*) as n from troubleshoot_reports where code = ?", args: [code] }))
          .rows[0].n,
      ),
    );
  await expect.poll(() => stillStored(aged), { timeout: 15_000 }).toBe(0);
  expect(await stillStored(fresh)).toBe(1);
  expect((await page.goto(`/troubleshoot/report/${fresh}`))?.status()).toBe(200);
});
