import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { TOTP } from "otpauth";
import { db } from "@/lib/db/client";
import { auditEvents, passkeys, stepUpGrants, users } from "@/lib/db/schema";
import { completeSecondFactor, signInWithPassword } from "@/lib/auth/password-sign-in";
import { grantStepUp } from "@/lib/auth/step-up";
import { getUser } from "@/lib/auth/users";
import { createAccount, ORIGIN, PASSWORD, type TestAccount } from "@/test/accounts";
import { finishAutomaticRegistration, startAutomaticRegistration } from "./automatic-registration";
import { finishRegistration, startRegistration } from "./registration";
import { englishPasskeyWords } from "@/test/passkey-words";

const nextCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 30_000 });

/** A password + authenticator-code sign-in, as the sign-in page makes it: the session it starts. */
async function signInWithTotp(account: TestAccount): Promise<{ user: TestAccount["user"]; sessionId: string }> {
  const password = await signInWithPassword(account.user.email, PASSWORD, "t");
  if (!password.ok || password.data.next !== "second-factor") throw new Error("no second-factor step");
  const done = await completeSecondFactor(password.data.pendingToken, nextCode(account.totp), "totp", "t");
  if (!done.ok) throw new Error(done.code);
  return { user: (await getUser(account.user.id))!, sessionId: done.data.sessionId };
}

async function startAutomatic(session: { user: TestAccount["user"]; sessionId: string }) {
  const started = await startAutomaticRegistration(session);
  if (!started.ok) throw new Error(started.code);
  return started.data;
}

const rowOf = (id: string) => db.query.passkeys.findFirst({ where: eq(passkeys.id, id) });

describe("automatic passkey upgrade (conditional create)", () => {
  it("accepts UP=0 right after a password + authenticator-code sign-in, once, and says it was automatic", async () => {
    const account = await createAccount();
    const session = await signInWithTotp(account);
    const { ceremonyId, options } = await startAutomatic(session);
    // The password manager makes it without a prompt: no user presence (WebAuthn L3 §7.1 step 15).
    const response = account.authenticator.register(options, ORIGIN, { up: false, uv: false });
    const saved = await finishAutomaticRegistration(
      session,
      ceremonyId,
      response,
      "Chrome 156 on Linux",
      englishPasskeyWords,
    );
    expect(saved.ok).toBe(true);
    expect(await rowOf(response.id)).toMatchObject({ addedAutomatically: true, userId: account.user.id });
    const events = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, account.user.id) });
    expect(events.map((event) => event.type)).toContain("passkey.added-automatically");

    // The sign-in's grant is spent: a second automatic passkey needs another sign-in.
    const again = await startAutomaticRegistration(session);
    expect(again.ok || again.code).toBe("step-up:required");
  });

  it("still refuses UP=0 on an ordinary registration, even with a step-up grant", async () => {
    const account = await createAccount();
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "add-passkey",
    });
    const started = await startRegistration(account, "this-device");
    if (!started.ok) throw new Error(started.code);
    const response = account.authenticator.register(started.data.options, ORIGIN, { up: false });
    const refused = await finishRegistration(account, started.data.ceremonyId, response, "t", englishPasskeyWords);
    expect(refused.ok || refused.code).toBe("passkey:not-verified");
    expect(refused.ok || refused.detail).toMatch(/user presence/i);
    expect(await rowOf(response.id)).toBeUndefined();
  });

  it("refuses without the sign-in's grant: no sign-in, a step-up grant, another session", async () => {
    const account = await createAccount();
    const noSignIn = await startAutomaticRegistration(account);
    expect(noSignIn.ok || noSignIn.code).toBe("step-up:required");

    // An add-a-passkey step-up is not this grant.
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "add-passkey",
    });
    const stepUpOnly = await startAutomaticRegistration(account);
    expect(stepUpOnly.ok || stepUpOnly.code).toBe("step-up:required");

    // The grant belongs to the session the sign-in started; a ceremony started there cannot finish in another.
    const session = await signInWithTotp(account);
    const { ceremonyId, options } = await startAutomatic(session);
    const response = account.authenticator.register(options, ORIGIN, { up: false });
    const elsewhere = await finishAutomaticRegistration(account, ceremonyId, response, "t", englishPasskeyWords);
    expect(elsewhere.ok || elsewhere.code).toBe("challenge:invalid");
    expect(await rowOf(response.id)).toBeUndefined();
  });

  it("refuses the ordinary ceremony's challenge at the automatic finish (another purpose)", async () => {
    const account = await createAccount();
    const session = await signInWithTotp(account);
    await grantStepUp(db, { ...session, userId: account.user.id, method: "totp", purpose: "add-passkey" });
    const ordinary = await startRegistration(session, "this-device");
    if (!ordinary.ok) throw new Error(ordinary.code);
    const response = account.authenticator.register(ordinary.data.options, ORIGIN, { up: false });
    // The ordinary ceremony's id at the automatic finish: another purpose (security bar C28).
    const crossed = await finishAutomaticRegistration(
      session,
      ordinary.data.ceremonyId,
      response,
      "t",
      englishPasskeyWords,
    );
    expect(crossed.ok || crossed.code).toBe("challenge:invalid");
    expect(await rowOf(response.id)).toBeUndefined();
  });

  it("grants nothing when the person turned it off", async () => {
    const account = await createAccount();
    await db.update(users).set({ automaticPasskeyUpgrade: false }).where(eq(users.id, account.user.id));
    const session = await signInWithTotp(account);
    const refused = await startAutomaticRegistration(session);
    expect(refused.ok || refused.code).toBe("step-up:required");
    const grants = await db.query.stepUpGrants.findMany({ where: eq(stepUpGrants.userId, account.user.id) });
    expect(grants.filter((grant) => grant.purpose === "automatic-passkey")).toEqual([]);
  });

  it("leaves a failed automatic attempt out of the activity log", async () => {
    const account = await createAccount();
    const session = await signInWithTotp(account);
    const { ceremonyId, options } = await startAutomatic(session);
    const response = account.authenticator.register(options, ORIGIN, {
      up: false,
      clientData: { origin: "https://evil.example" },
    });
    const refused = await finishAutomaticRegistration(session, ceremonyId, response, "t", englishPasskeyWords);
    expect(refused.ok).toBe(false);
    const types = (await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, account.user.id) })).map(
      (event) => event.type,
    );
    expect(types.filter((type) => type.startsWith("passkey"))).toEqual([]);
  });
});
