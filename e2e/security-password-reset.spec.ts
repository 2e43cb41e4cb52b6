// "Forgot password?" over HTTP, as an attacker sends it: the server actions themselves hold the line, whatever a page
// shows (security bar F51, H62).
import { expect, test } from "@playwright/test";
import { portalClient, setsSession } from "@/test/portal-client";
import { enableTotp, signUp, uniqueEmail } from "./fixtures/account";
import { resetCodeFor } from "./fixtures/mail";

const RESET_ACTIONS = "app/(auth)/forgot-password/actions.ts";
type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string };

test("SEC-51/62 the first step answers alike for any address; with 2FA on, the mailed code alone sets no password and starts no session", async ({
  page,
  baseURL,
}) => {
  const email = await signUp(page);
  await enableTotp(page);
  const client = portalClient(baseURL!);
  const call = (name: string, args: unknown[]) => client.call<Answer>("/forgot-password", RESET_ACTIONS, name, args);

  const known = await call("startPasswordResetAction", [email]);
  const unknown = await call("startPasswordResetAction", [uniqueEmail("nobody")]);
  expect(known.status).toBe(unknown.status);
  expect(known.result).toEqual({ ok: true, data: { pendingToken: expect.any(String) } });
  expect(unknown.result).toEqual({ ok: true, data: { pendingToken: expect.any(String) } });

  const token = known.result?.ok ? known.result.data.pendingToken : "";
  expect((await call("checkResetCodeAction", [token, await resetCodeFor(email)])).result).toEqual({
    ok: true,
    data: { next: "second-factor" },
  });
  // Straight to the new password: refused as if the reset did not exist, and no session cookie.
  const skipped = await call("finishPasswordResetAction", [token, "a brand new reset passphrase"]);
  expect(skipped.result).toMatchObject({ ok: false, code: "password-reset:expired" });
  expect(setsSession(skipped.setCookies)).toBe(false);
  // A wrong second factor does not move it on either.
  expect((await call("checkResetSecondFactorAction", [token, "AAAAA-BBBBB", "recovery-code"])).result).toMatchObject({
    ok: false,
    code: "password-reset:invalid-code",
  });
  expect((await call("finishPasswordResetAction", [token, "a brand new reset passphrase"])).result).toMatchObject({
    ok: false,
    code: "password-reset:expired",
  });
  // A made-up token gets nowhere.
  expect((await call("checkResetCodeAction", ["made-up-token", "123456"])).result).toMatchObject({
    ok: false,
    code: "password-reset:expired",
  });
});
