// Targets the web runner refuses, and a stored run's failures opened on its page and downloaded as JSON and JUnit.
import { once } from "node:events";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "@libsql/client";
import { SERVER_DATABASE_URL } from "./fixtures/server-database";
import { expect, test } from "@playwright/test";
import { outcomeCounts } from "@/app/conformance/runs/outcome-counts";
import { runSuite } from "@/lib/conformance/run-suite";
import { newRunBudget, toShownResult } from "@/lib/conformance/shown-result";

test("a malformed target, and one this server may not reach, are refused with a typed reason and start no run", async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto("/conformance");
  const runner = page.getByRole("region", { name: "Run the suite" });
  const alert = runner.getByRole("alert");
  const target = runner.getByLabel("Target (the API's base URL)");
  await expect(target).toHaveValue(`${baseURL}/fido`);

  await target.fill("not a url");
  await runner.getByRole("button", { name: "Run the suite" }).click();
  await expect(alert).toContainText("That is not a web address");
  await expect(alert).toContainText("(target:malformed)");

  // The cloud metadata service: refused by CONFORMANCE_TARGETS=self (the production default) or, in public mode, by its
  // address (lib/conformance/target-guard.test.ts has the table of addresses).
  await target.fill("http://169.254.169.254/latest/meta-data");
  await runner.getByRole("button", { name: "Run the suite" }).click();
  await expect(alert).toContainText(/\(target:(not-allowed|private-address)\)/);
  await expect(page.getByTestId("suite-summary")).toHaveCount(0);

  // The same over HTTP from our page's origin: typed JSON errors, never a 500.
  const origin = new URL(page.url()).origin;
  const refused = await request.post("/api/conformance/run", {
    data: { target: "gopher://localhost:6379/_INFO" },
    headers: { origin },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({
    code: "target:scheme",
    message: "Only http:// and https:// addresses can be tested.",
  });
  for (const body of ["{not json", '"a string"', '{"target":42}']) {
    const garbage = await request.post("/api/conformance/run", {
      data: Buffer.from(body),
      headers: { "content-type": "application/json", origin },
    });
    expect(garbage.status()).toBe(400);
    expect(await garbage.json()).toMatchObject({ code: "input:invalid" });
  }
  const strangers: Record<string, string>[] = [{ origin: "https://evil.example" }, {}];
  for (const headers of strangers) {
    const crossSite = await request.post("/api/conformance/run", { data: {}, headers });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({ code: "request:cross-site" });
  }
});

test("a stored run's failure expands to expected vs received and every request and response", async ({ page }) => {
  // The e2e server tests only itself, and passes: so the suite runs here, against a server that answers every request
  // with a bare "ok", and the run is saved as the web runner saves it, into the server's database.
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () =>
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok","errorMessage":""}'),
    );
  });
  server.listen(0, "localhost");
  await once(server, "listening");
  const target = `http://localhost:${(server.address() as AddressInfo).port}/fido`;
  const report = await runSuite({ target, filter: "Server-ServerPublicKeyCredentialCreationOptions-Req-1" });
  server.close();
  expect(report.summary.fail).toBeGreaterThan(0);

  const budget = newRunBudget();
  const id = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const database = createClient({ url: SERVER_DATABASE_URL, timeout: 5_000 });
  await database.execute({
    sql: `insert into conformance_runs (id, owner_hash, target, status, total, summary, crashed_after, cases, started_at, finished_at)
          values (?, 'e2e-owner', ?, 'finished', ?, ?, ?, ?, ?, ?)`,
    args: [
      id,
      target,
      report.summary.total,
      JSON.stringify(report.summary),
      report.crashedAfter,
      JSON.stringify(report.cases.map((result) => toShownResult(result, budget))),
      Date.parse(report.startedAt),
      Date.parse(report.startedAt) + report.durationMs,
    ],
  });
  database.close();

  await page.goto(`/conformance/runs/${id}`);
  await expect(page.getByTestId("run-summary")).toHaveText(
    `${report.summary.total} cases · ${outcomeCounts(report.summary)}`,
  );
  const failed = report.cases.find((result) => result.outcome === "fail" && result.exchanges.length > 0)!;
  const item = page
    .getByRole("list", { name: "Failed cases" })
    .getByRole("listitem")
    .filter({ hasText: failed.id })
    .first();
  await item.getByText(failed.id, { exact: true }).click();
  await expect(item.getByText(failed.failure!.expected, { exact: true })).toBeVisible();
  await expect(item.getByText(failed.failure!.received, { exact: true })).toBeVisible();
  const exchange = failed.exchanges[0];
  await item
    .getByText(`${exchange.request.method} ${exchange.request.url} → HTTP ${exchange.response.status}`)
    .first()
    .click();
  await expect(item.getByText("Request body").first()).toBeVisible();
  await expect(item.locator("pre").first()).toContainText(
    JSON.stringify(exchange.request.body, null, 2).split("\n")[1].trim(),
  );

  // The same run as the CLI's files: both downloads carry the counts the page shows.
  const [jsonDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download JSON" }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toBe(`conformance-run-${id}.json`);
  const json = JSON.parse(readFileSync(await jsonDownload.path(), "utf8"));
  expect(json.summary).toEqual(report.summary);
  expect(json.cases.map((result: { id: string; outcome: string }) => [result.id, result.outcome])).toEqual(
    report.cases.map((result) => [result.id, result.outcome]),
  );
  const [junitDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download JUnit XML" }).click(),
  ]);
  expect(junitDownload.suggestedFilename()).toBe(`conformance-run-${id}.xml`);
  const xml = readFileSync(await junitDownload.path(), "utf8");
  const skipped = report.summary.skip + report.summary.notRun;
  expect(xml).toContain(
    `tests="${report.summary.total}" failures="${report.summary.fail}" errors="${report.summary.targetError}" skipped="${skipped}"`,
  );
  expect(xml).toContain(`name="${failed.id}"`);

  // A run id nobody was given finds nothing: not its page, not its files.
  expect((await page.goto("/conformance/runs/AAAAAAAAAAAAAAAAAAAAAA"))?.status()).toBe(404);
  for (const file of ["report.json", "junit.xml"]) {
    const unknown = await page.request.get(`/conformance/runs/AAAAAAAAAAAAAAAAAAAAAA/${file}`);
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "run:not-found" });
  }
});
