import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { allow } from "./rate-limit";

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
});
