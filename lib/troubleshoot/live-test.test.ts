import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { liveTests, passkeys } from "@/lib/db/schema";
import { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import { ORIGIN } from "@/test/accounts";
import {
  finishLiveAuthentication,
  finishLiveRegistration,
  startLiveAuthentication,
  startLiveRegistration,
} from "./live-test";

const failed = (checks: { field: string; ok: boolean }[]) =>
  checks.filter((check) => !check.ok).map((check) => check.field);

describe("live test", () => {
  it("registers and signs in with a throwaway passkey on no account, then forgets it", async () => {
    const authenticator = new SoftwareAuthenticator();
    const { testId, options } = await startLiveRegistration();
    const registered = await finishLiveRegistration(testId, authenticator.register(options, ORIGIN));
    expect(registered).toMatchObject({ ok: true, facts: { storage: "device-bound", userVerified: true } });
    expect(failed(registered.checks)).toEqual([]);
    expect(await db.query.passkeys.findFirst({ where: eq(passkeys.userId, testId) })).toBeUndefined();

    const request = (await startLiveAuthentication(testId))!;
    const signedIn = await finishLiveAuthentication(testId, authenticator.authenticate(request, ORIGIN));
    expect(signedIn.ok).toBe(true);
    expect(await db.query.liveTests.findFirst({ where: eq(liveTests.id, testId) })).toBeUndefined();
  });

  it("explains a response from another origin, and one without user verification", async () => {
    const authenticator = new SoftwareAuthenticator();
    const start = await startLiveRegistration();
    const wrongOrigin = await finishLiveRegistration(
      start.testId,
      authenticator.register(start.options, "https://phishing.example"),
    );
    expect(wrongOrigin.ok).toBe(false);
    expect(failed(wrongOrigin.checks)).toEqual(["origin"]);
    expect(wrongOrigin.checks.find((check) => check.field === "origin")).toMatchObject({
      received: "https://phishing.example",
    });

    const again = await startLiveRegistration();
    expect((await finishLiveRegistration(again.testId, authenticator.register(again.options, ORIGIN))).ok).toBe(true);
    const request = (await startLiveAuthentication(again.testId))!;
    const noUv = await finishLiveAuthentication(
      again.testId,
      authenticator.authenticate(request, ORIGIN, { flags: { uv: false } }),
    );
    expect(noUv.ok).toBe(false);
    expect(failed(noUv.checks)).toEqual(["user verified (UV)"]);
  });

  it("answers garbage and unknown tests with a verdict, never a throw", async () => {
    const { testId } = await startLiveRegistration();
    expect(await finishLiveRegistration(testId, { nonsense: true })).toMatchObject({ ok: false });
    expect(await finishLiveRegistration("unknown", {})).toMatchObject({ ok: false, reason: "passkey:expired" });
    expect(await startLiveAuthentication(testId)).toBeNull();
  });

  it("answers a clientDataJSON that is JSON but no object (null, a number, a list) with a verdict, never a throw", async () => {
    const authenticator = new SoftwareAuthenticator();
    for (const clientData of ["null", "7", "[]"]) {
      const { testId, options } = await startLiveRegistration();
      const response = authenticator.register(options, ORIGIN);
      response.response.clientDataJSON = Buffer.from(clientData).toString("base64url");
      const verdict = await finishLiveRegistration(testId, response);
      expect(verdict.ok, clientData).toBe(false);
      expect(failed(verdict.checks)).toContain("clientDataJSON");
    }
  });
});
