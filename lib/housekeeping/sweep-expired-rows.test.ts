// The sweeper, with the clock moved: each kind of row the portal keeps for a while is kept until then, and gone after
// (security bar 60, 68).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allow } from "@/lib/auth/rate-limit";
import { recordFailedAttempt } from "@/lib/auth/lockout";
import { grantStepUp, STEP_UP_TTL_MS } from "@/lib/auth/step-up";
import { TRUSTED_DEVICE_MAX_AGE_S, trustDevice } from "@/lib/auth/trusted-devices";
import { createRun, RUN_KEPT_MS } from "@/lib/conformance/runs/run-store";
import { newToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import {
  challenges,
  conformanceRuns,
  liveTests,
  rateLimitBuckets,
  stepUpGrants,
  troubleshootReports,
  trustedDevices,
  users,
} from "@/lib/db/schema";
import { startLiveRegistration } from "@/lib/troubleshoot/live-test";
import { findReportForStaff, REPORT_TTL_MS, saveReport } from "@/lib/troubleshoot/reports";
import { saveChallenge } from "@/lib/webauthn/challenges";
import { CEREMONY_TIMEOUT_MS } from "@/lib/webauthn/relying-party";
import { createAccount } from "@/test/accounts";
import { sweepExpiredRows } from "./sweep-expired-rows";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function rowsOfEachKind() {
  const account = await createAccount();
  const bucketKey = `sweep-test:${newToken(6)}`;
  const now = Date.now();
  await allow({ name: "sweep-test", max: 1, windowMs: MINUTE }, bucketKey.slice("sweep-test:".length), db, now);
  for (let i = 0; i < 10; i++) await recordFailedAttempt(account.user.id, db, now);
  await trustDevice(undefined, account.user.id);
  await grantStepUp(db, { userId: account.user.id, sessionId: newToken(16), method: "totp", purpose: "add-passkey" });
  return {
    userId: account.user.id,
    bucketKey,
    challengeId: await saveChallenge({ purpose: "sign-in", value: newToken(16) }),
    liveTestId: (await startLiveRegistration()).testId,
    reportCode: await saveReport({ findings: [] }, null),
    runId: await createRun({ target: "http://localhost:3000/fido", ownerHash: newToken(8), total: 1 }),
  };
}

async function whatIsLeft(rows: Awaited<ReturnType<typeof rowsOfEachKind>>) {
  const user = await db.query.users.findFirst({ where: eq(users.id, rows.userId) });
  return {
    challenge: await db.$count(challenges, eq(challenges.id, rows.challengeId)),
    grant: await db.$count(stepUpGrants, eq(stepUpGrants.userId, rows.userId)),
    liveTest: await db.$count(liveTests, eq(liveTests.id, rows.liveTestId)),
    bucket: await db.$count(rateLimitBuckets, eq(rateLimitBuckets.key, rows.bucketKey)),
    lock: user?.lockedUntil ? 1 : 0,
    report: await db.$count(troubleshootReports, eq(troubleshootReports.code, rows.reportCode)),
    run: await db.$count(conformanceRuns, eq(conformanceRuns.id, rows.runId)),
    device: await db.$count(trustedDevices, eq(trustedDevices.userId, rows.userId)),
  };
}

const everything = { challenge: 1, grant: 1, liveTest: 1, bucket: 1, lock: 1, report: 1, run: 1, device: 1 };

describe("sweepExpiredRows", () => {
  it("keeps what has not expired yet", async () => {
    const rows = await rowsOfEachKind();
    await sweepExpiredRows(Date.now());
    expect(await whatIsLeft(rows)).toEqual(everything);
  });

  it("deletes challenges, step-up grants and live tests once they expire, and ends a lock that has run out", async () => {
    const rows = await rowsOfEachKind();
    // The first lock is a minute; challenges and grants last 5 minutes, live tests 15.
    await sweepExpiredRows(Date.now() + Math.max(CEREMONY_TIMEOUT_MS, STEP_UP_TTL_MS) + MINUTE);
    expect(await whatIsLeft(rows)).toMatchObject({
      challenge: 0,
      grant: 0,
      lock: 0,
      liveTest: 1,
      bucket: 1,
      report: 1,
      run: 1,
    });
    const user = await db.query.users.findFirst({ where: eq(users.id, rows.userId) });
    expect(user?.failedAttempts).toBe(10); // the next failure still locks for longer
    await sweepExpiredRows(Date.now() + 16 * MINUTE);
    expect(await whatIsLeft(rows)).toMatchObject({ liveTest: 0, bucket: 1 });
  });

  it("forgets rate-limit buckets once their window is long over", async () => {
    const rows = await rowsOfEachKind();
    await sweepExpiredRows(Date.now() + 2 * 60 * MINUTE + MINUTE);
    expect(await whatIsLeft(rows)).toMatchObject({ bucket: 0, report: 1, run: 1 });
  });

  it("deletes a report 30 days after it was saved (README: kept 30 days), and never shows it after that", async () => {
    const rows = await rowsOfEachKind();
    const justBefore = Date.now() + REPORT_TTL_MS - MINUTE;
    expect(await findReportForStaff(rows.reportCode, new Date(justBefore))).not.toBeNull();
    await sweepExpiredRows(justBefore);
    expect(await whatIsLeft(rows)).toMatchObject({ report: 1, run: 1 });
    const after = Date.now() + REPORT_TTL_MS + MINUTE;
    expect(await findReportForStaff(rows.reportCode, new Date(after))).toBeNull();
    await sweepExpiredRows(after);
    expect(await whatIsLeft(rows)).toEqual({
      challenge: 0,
      grant: 0,
      liveTest: 0,
      bucket: 0,
      lock: 0,
      report: 0,
      run: 0,
      device: 1,
    });
  });

  it("deletes conformance runs after 30 days (README), even when no new run starts", async () => {
    const rows = await rowsOfEachKind();
    await sweepExpiredRows(Date.now() + RUN_KEPT_MS - DAY);
    expect(await whatIsLeft(rows)).toMatchObject({ run: 1 });
    await sweepExpiredRows(Date.now() + RUN_KEPT_MS + MINUTE);
    expect(await whatIsLeft(rows)).toMatchObject({ run: 0 });
  });

  it("forgets a trusted browser once its cookie's 180 days are over", async () => {
    const rows = await rowsOfEachKind();
    await sweepExpiredRows(Date.now() + TRUSTED_DEVICE_MAX_AGE_S * 1000 - DAY);
    expect(await whatIsLeft(rows)).toMatchObject({ device: 1 });
    await sweepExpiredRows(Date.now() + TRUSTED_DEVICE_MAX_AGE_S * 1000 + MINUTE);
    expect(await whatIsLeft(rows)).toMatchObject({ device: 0 });
  });
});
