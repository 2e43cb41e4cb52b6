// Web runs in a real libSQL file: saved when they start and end, listed per browser, a dead process's run shown
// stopped, old runs forgotten, and a hostile target's answers capped before they reach the disk.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { conformanceRuns } from "@/lib/db/schema";
import { MAX_EXCHANGE_CHARS } from "@/lib/conformance/shown-result";
import { ABANDONED_REASON, createRun, deleteOldRuns, endRun, findRun, listRuns, RUN_KEPT_MS } from "./run-store";
import { runFromWeb, type RunLine } from "./web-run";

const summary = { total: 3, pass: 1, fail: 1, deviation: 0, targetError: 0, notRun: 0, inconclusive: 0, skip: 1 };
const cases = [
  { id: "A", family: "F", title: "a", outcome: "pass" as const, reason: "", exchanges: [], durationMs: 3 },
  {
    id: "B",
    family: "F",
    title: "b",
    outcome: "fail" as const,
    reason: "m",
    durationMs: 4,
    failure: { message: "m", expected: "e", received: "r" },
    exchanges: [
      {
        request: { method: "POST" as const, url: "http://x/fido/attestation/options", body: { username: "u" } },
        response: { status: 500, body: "boom" },
        durationMs: 1,
      },
    ],
  },
  { id: "C", family: "F", title: "c", outcome: "skip" as const, reason: "why", exchanges: [], durationMs: 0 },
];

describe("the run store", () => {
  it("saves a run as running when it starts, then its counts and cases when it ends", async () => {
    const id = await createRun({ target: "http://localhost:3000/fido", ownerHash: "owner-1", total: 3 });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await findRun(id)).toMatchObject({
      status: "running",
      total: 3,
      summary: { total: 3, pass: 0 },
      cases: [],
      finishedAt: null,
    });
    await endRun(id, { status: "finished", summary, crashedAfter: "B", cases });
    const run = await findRun(id);
    expect(run).toMatchObject({
      status: "finished",
      target: "http://localhost:3000/fido",
      total: 3,
      summary,
      crashedAfter: "B",
      stopReason: null,
    });
    expect(run?.cases).toEqual(cases);
    expect(run?.finishedAt?.getTime()).toBeGreaterThanOrEqual(run!.startedAt.getTime());
    // An ended run is never written again (a late second end changes nothing).
    await endRun(id, { status: "stopped", summary, crashedAfter: null, cases: [], stopReason: "late" });
    expect(await findRun(id)).toMatchObject({ status: "finished", stopReason: null });
  });

  it("lists only the runs of the browser asking, newest first, without their cases", async () => {
    const now = Date.now();
    const older = await createRun({
      target: "https://a.example/fido",
      ownerHash: "owner-list",
      total: 1,
      now: new Date(now - 60_000),
    });
    const newer = await createRun({
      target: "https://b.example/fido",
      ownerHash: "owner-list",
      total: 1,
      now: new Date(now - 1_000),
    });
    await createRun({ target: "https://private.example/fido", ownerHash: "someone-else", total: 1 });
    const runs = await listRuns("owner-list");
    expect(runs.map((run) => run.id)).toEqual([newer, older]);
    expect(runs[0]).not.toHaveProperty("cases");
    expect(await listRuns("nobody")).toEqual([]);
  });

  it("shows a run left running by a process that died as stopped, with why", async () => {
    const id = await createRun({
      target: "https://c.example/fido",
      ownerHash: "owner-dead",
      total: 5,
      now: new Date(Date.now() - 10 * 60_000),
    });
    expect(await findRun(id)).toMatchObject({ status: "stopped", stopReason: ABANDONED_REASON });
    expect((await listRuns("owner-dead"))[0]).toMatchObject({ id, status: "stopped", stopReason: ABANDONED_REASON });
    const recent = await createRun({ target: "https://c.example/fido", ownerHash: "owner-dead", total: 5 });
    expect(await findRun(recent)).toMatchObject({ status: "running", stopReason: null });
  });

  it("reads a run stored before outcome classes: passed, failed and skipped become pass, fail and skip", async () => {
    const id = await createRun({ target: "https://old.example/fido", ownerHash: "owner-legacy", total: 3 });
    const legacyCases = [
      { id: "A", family: "F", title: "a", status: "passed", durationMs: 3 },
      {
        id: "B",
        family: "F",
        title: "b",
        status: "failed",
        durationMs: 4,
        failure: { message: "m", expected: "e", received: "r" },
        exchanges: [],
      },
      { id: "C", family: "F", title: "c", status: "skipped", reason: "why", durationMs: 0 },
    ];
    await db.run(
      sql`update conformance_runs set status = 'finished', passed = 1, failed = 1, skipped = 1, cases = ${JSON.stringify(legacyCases)} where id = ${id}`,
    );
    const run = await findRun(id);
    expect(run?.summary).toEqual({
      total: 3,
      pass: 1,
      fail: 1,
      deviation: 0,
      targetError: 0,
      notRun: 0,
      inconclusive: 0,
      skip: 1,
    });
    expect(run?.cases.map((result) => [result.outcome, result.reason])).toEqual([
      ["pass", ""],
      ["fail", "m"],
      ["skip", "why"],
    ]);
    expect((await listRuns("owner-legacy"))[0].summary).toMatchObject({ pass: 1, fail: 1, skip: 1 });
  });

  it("finds nothing for an unknown or malformed id", async () => {
    expect(await findRun("AAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(await findRun("../../etc/passwd")).toBeNull();
    expect(await findRun("x".repeat(65))).toBeNull();
  });

  it("forgets runs older than 30 days, and the oldest beyond the newest kept", async () => {
    const now = Date.now();
    const ancient = await createRun({
      target: "https://d.example/fido",
      ownerHash: "owner-old",
      total: 1,
      now: new Date(now - RUN_KEPT_MS - 1),
    });
    const recent = await createRun({
      target: "https://d.example/fido",
      ownerHash: "owner-old",
      total: 1,
      now: new Date(now),
    });
    await deleteOldRuns(now);
    expect(await findRun(ancient)).toBeNull();
    expect(await findRun(recent)).not.toBeNull();
    await deleteOldRuns(now, 1);
    const [{ count }] = await db.select({ count: sql<number>`count(*)` }).from(conformanceRuns);
    expect(count).toBe(1);
    expect(await findRun(recent)).not.toBeNull();
  });
});

describe("runFromWeb", () => {
  let server: http.Server;
  let base: string;
  const hung: http.ServerResponse[] = [];
  let silent = false;

  beforeAll(async () => {
    // A target answering garbage: 200 with 100 kB of text that is not JSON, to every request (or nothing at all).
    server = http.createServer((request, response) => {
      request.resume();
      if (silent) return void hung.push(response);
      response.writeHead(200, { "content-type": "text/plain" }).end(`<html>${"garbage ".repeat(12_800)}`);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fido`;
  });

  afterAll(() => {
    for (const response of hung) response.destroy();
    server.close();
  });

  it("ends a run against a target answering garbage as a clean finished run, streamed and stored within the caps", async () => {
    const lines: RunLine[] = [];
    await runFromWeb({
      target: { ok: true, url: base, self: false },
      mode: "any",
      ownerHash: "owner-garbage",
      send: (line) => lines.push(line),
    });
    const start = lines[0];
    const done = lines.at(-1);
    if (start.type !== "start" || done?.type !== "done")
      throw new Error(`unexpected lines ${JSON.stringify([start, done])}`);
    expect(done).toMatchObject({ runId: start.runId, status: "finished" });
    // An answer that is not JSON is the target's error, not a decision; the target keeps answering, so every case runs.
    expect(done.summary.targetError).toBeGreaterThan(100);
    expect(done.summary.targetError + done.summary.skip).toBe(start.total);
    expect(lines.filter((line) => line.type === "case")).toHaveLength(start.total);

    const run = await findRun(start.runId);
    expect(run).toMatchObject({ status: "finished", target: base, total: start.total, summary: done.summary });
    expect(run?.cases.map((result) => result.id)).toHaveLength(start.total);
    const failed = run!.cases.find((result) => result.outcome === "target-error" && result.exchanges.length > 0);
    expect(failed?.failure?.received).toContain("HTTP 200 <html>garbage");
    for (const exchange of run!.cases.flatMap((result) => result.exchanges ?? []))
      expect(JSON.stringify(exchange).length).toBeLessThanOrEqual(MAX_EXCHANGE_CHARS);
    const [{ bytes }] = await db
      .select({ bytes: sql<number>`length(${conformanceRuns.cases})` })
      .from(conformanceRuns)
      .where(eq(conformanceRuns.id, start.runId));
    expect(bytes).toBeLessThan(900 * 1024);
  });

  it("stops a run whose target never answers at the run's time limit, and says so", async () => {
    silent = true;
    const lines: RunLine[] = [];
    await runFromWeb({
      target: { ok: true, url: base, self: false },
      mode: "any",
      ownerHash: "owner-silent",
      send: (line) => lines.push(line),
      timeLimitMs: 300,
    });
    silent = false;
    const done = lines.at(-1);
    expect(done).toMatchObject({ type: "done", status: "stopped", stopReason: expect.stringContaining("limit") });
    if (done?.type !== "done") return;
    expect(await findRun(done.runId)).toMatchObject({
      status: "stopped",
      stopReason: expect.stringContaining("limit"),
    });
  });

  it("refuses, in public mode, to connect to a private target even when handed one", async () => {
    const lines: RunLine[] = [];
    await runFromWeb({
      target: { ok: true, url: base, self: false },
      mode: "public",
      ownerHash: "owner-public",
      send: (line) => lines.push(line),
    });
    const failure = lines.find((line) => line.type === "case" && line.result.outcome === "target-error");
    expect(failure?.type === "case" && failure.result.failure?.received).toContain(
      "127.0.0.1 is not a public address (loopback)",
    );
  });
});
