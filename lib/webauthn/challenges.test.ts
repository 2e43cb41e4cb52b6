import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { challenges } from "@/lib/db/schema";
import { createUser } from "@/lib/auth/users";
import { newToken } from "@/lib/crypto/tokens";
import { AppError, failForDevelopers } from "@/lib/result";
import { PASSWORD } from "@/test/accounts";
import {
  burnOnFailure,
  consumeChallenge,
  deleteExpiredChallenges,
  requireOpenChallenge,
  saveChallenge,
} from "./challenges";

const consume = (id: string) => transaction((tx) => consumeChallenge(tx, id));
const newUser = async () => (await createUser(`ch-${newToken(6)}@test.example`, PASSWORD))!;
const challengeRow = async (id: string) => db.query.challenges.findFirst({ where: eq(challenges.id, id) });

async function expectInvalid(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("challenge:invalid");
}

describe("challenges", () => {
  it("is consumed once: a second consume throws challenge:invalid and the challenge is no longer open", async () => {
    const id = await saveChallenge({ purpose: "sign-in", value: newToken(16) });
    expect((await requireOpenChallenge(id, "sign-in")).id).toBe(id);
    await consume(id);
    expect((await challengeRow(id))!.consumedAt).toBeInstanceOf(Date);
    await expectInvalid(consume(id));
    await expectInvalid(requireOpenChallenge(id, "sign-in"));
  });

  it("lets exactly one of 10 concurrent consumes win", async () => {
    const id = await saveChallenge({ purpose: "sign-in", value: newToken(16) });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => consume(id)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(rejected).toHaveLength(9);
    for (const { reason } of rejected) expect(reason).toMatchObject({ code: "challenge:invalid" });
  });

  it("is refused for another purpose", async () => {
    const id = await saveChallenge({ purpose: "sign-in", value: newToken(16) });
    await expectInvalid(requireOpenChallenge(id, "step-up"));
    await expectInvalid(requireOpenChallenge(id, "registration"));
    // The refusal spends nothing: the challenge still works for what it was issued for.
    expect((await requireOpenChallenge(id, "sign-in")).id).toBe(id);
  });

  it("is refused for another user or another session than it is bound to", async () => {
    const a = await newUser();
    const b = await newUser();
    const sessionId = newToken(16);
    const id = await saveChallenge({ purpose: "step-up", value: newToken(16), userId: a.id, sessionId });
    await expectInvalid(requireOpenChallenge(id, "step-up", { userId: b.id }));
    await expectInvalid(requireOpenChallenge(id, "step-up", { userId: b.id, sessionId }));
    await expectInvalid(requireOpenChallenge(id, "step-up", { userId: a.id, sessionId: newToken(16) }));
    expect((await requireOpenChallenge(id, "step-up", { userId: a.id, sessionId })).userId).toBe(a.id);

    const unbound = await saveChallenge({ purpose: "sign-in", value: newToken(16), userId: null });
    await expectInvalid(requireOpenChallenge(unbound, "sign-in", { userId: a.id }));
  });

  it("is refused once expired, for require and consume alike", async () => {
    const id = await saveChallenge({ purpose: "registration", value: newToken(16) });
    await db
      .update(challenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(challenges.id, id));
    await expectInvalid(requireOpenChallenge(id, "registration"));
    await expectInvalid(consume(id));
    expect((await challengeRow(id))!.consumedAt).toBeNull();
  });

  it("is spent by a failed attempt, even one whose transaction consumed it and rolled back", async () => {
    const id = await saveChallenge({ purpose: "sign-in", value: newToken(16) });
    const result = await burnOnFailure(id, () =>
      transaction(async (tx) => {
        await consumeChallenge(tx, id);
        throw new AppError(failForDevelopers("passkey:duplicate", "rolled back after consuming"));
      }),
    );
    expect(result.ok || result.code).toBe("passkey:duplicate");
    await expectInvalid(requireOpenChallenge(id, "sign-in"));
    await expectInvalid(consume(id));
    await expectInvalid(requireOpenChallenge(newToken(16), "sign-in"));
  });

  it("deletes challenges once they expire, and keeps open ones", async () => {
    const expired = await saveChallenge({ purpose: "sign-in", value: newToken(16) });
    const open = await saveChallenge({ purpose: "sign-in", value: newToken(16) });
    await db
      .update(challenges)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(challenges.id, expired));
    await deleteExpiredChallenges();
    expect(await challengeRow(expired)).toBeUndefined();
    expect(await challengeRow(open)).toBeDefined();
  });
});
