import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { allow, limits } from "./rate-limit";

const limit = { name: "test", max: 3, windowMs: 60_000 };

describe("rate limits", () => {
  it("allows up to the limit in a window, refuses more, and starts afresh in the next window", async () => {
    const now = 1_000_000;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await allow(limit, "client-a", db, now + i));
    expect(answers).toEqual([true, true, true, false, false]);
    expect(await allow(limit, "client-b", db, now)).toBe(true);
    expect(await allow(limit, "client-a", db, now + 60_000)).toBe(true);
  });

  it("counts concurrent requests exactly once each", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => allow(limit, "client-c", db, 5_000_000)));
    expect(answers.filter(Boolean)).toHaveLength(3);
  });

  it("keeps each limit in buckets of its own: a client that used up its codes still gets its password attempts", async () => {
    expect(new Set(Object.values(limits).map((limit) => limit.name)).size).toBe(Object.keys(limits).length);
    const now = 9_000_000;
    for (let i = 0; i < limits.secondFactorPerClient.max; i++)
      await allow(limits.secondFactorPerClient, "client-d", db, now);
    expect(await allow(limits.secondFactorPerClient, "client-d", db, now)).toBe(false);
    expect(await allow(limits.totpStepUpPerClient, "client-d", db, now)).toBe(true);
    expect(await allow(limits.passwordPerClient, "client-d", db, now)).toBe(true);
  });
});
