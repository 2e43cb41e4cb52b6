// The kit as a team uses it, from the packed tarball installed offline into a scratch project: `passkey-lab probe`
// with configs copied from examples/, through the real pages of the portal (npm start on the existing build: every
// happy path passes, every tamper is refused) and of the deliberately weak site (its three holes and nothing else);
// and a team's own Playwright spec on the kit's fixtures.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SuiteReport } from "@/lib/conformance/types";
import { newDatabase, removeDatabase } from "../../durability/database";
import { freePorts, originOf, startServer, stopAllServers } from "../../durability/servers";
import { startWeakRp } from "../../examples/weak-rp/server";
import { packKit, REPO_ROOT, ScratchProject, type BinRun } from "./scratch-project";

const printed = (run: BinRun) =>
  `exit ${run.code}\n--- stdout\n${run.stdout.slice(-6000)}\n--- stderr\n${run.stderr.slice(-4000)}`;
const example = (path: string) => readFileSync(join(REPO_ROOT, "examples", path), "utf8");
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const browserEnv: Record<string, string> = existsSync(SYSTEM_CHROMIUM) ? { CHROMIUM_PATH: SYSTEM_CHROMIUM } : {};

// A team's own Playwright test on the kit's fixtures, run from the tarball in a real browser against the weak site.
const FIXTURE_SPEC = {
  "playwright.config.ts": `import { defineConfig } from "@playwright/test";
export default defineConfig({
  testDir: "specs",
  use: { baseURL: process.env.WEAK_RP_URL, launchOptions: { executablePath: process.env.CHROMIUM_PATH } },
});
`,
  "specs/passkey.spec.ts": `import { expect, test } from "@passkey-lab/kit/playwright";
test("a passkey signs up and signs in; a cancelled sign-in does not", async ({ page, authenticator }) => {
  await page.goto("/");
  await page.getByLabel("New username").fill("fixture-user");
  await page.getByRole("button", { name: "Sign up with a passkey" }).click();
  await expect(page.getByRole("status").getByText("Passkey added.")).toBeVisible();
  const [passkey] = await authenticator.credentials({ rpId: "localhost" });
  await page.getByRole("button", { name: "Sign out" }).click();

  authenticator.cancelNextCeremony();
  await page.getByLabel("Username", { exact: true }).fill("fixture-user");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByText("Signed in as fixture-user")).toHaveCount(0);

  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByText("Signed in as fixture-user", { exact: true })).toBeVisible();
  expect(await authenticator.counter(passkey.id)).toBe(1);
});
`,
};

let tarball: string;
let project: ScratchProject;
const database = newDatabase();

beforeAll(async () => {
  tarball = await packKit();
  project = await ScratchProject.create(tarball, {
    files: {
      "weak-rp/passkey-lab.config.ts": example("weak-rp/passkey-lab.config.ts"),
      "portal/passkey-lab.config.ts": example("passkey-lab/passkey-lab.config.ts"),
      "portal/sign-up-code.ts": example("passkey-lab/sign-up-code.ts"),
      "portal/totp-code.ts": example("passkey-lab/totp-code.ts"),
      ...FIXTURE_SPEC,
    },
    devDependencies: ["@libsql/client", "otpauth"],
  });
});
afterAll(async () => {
  await stopAllServers();
  project?.remove();
  if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
  removeDatabase(database);
});

const outcomes = (report: SuiteReport) => Object.fromEntries(report.cases.map((result) => [result.id, result.outcome]));

describe("the kit installed from the tarball, in a real browser", () => {
  it("finds exactly the weak site's three holes: a replayed assertion, another origin, UV not required", async () => {
    const site = await startWeakRp();
    try {
      const run = await project.runBin(
        "passkey-lab",
        [
          "probe",
          "--config",
          "weak-rp/passkey-lab.config.ts",
          "--json",
          "weak.json",
          "--junit",
          "weak.xml",
          "--html",
          "weak.html",
        ],
        {
          env: { ...browserEnv, WEAK_RP_URL: site.url },
          timeoutMs: 170_000,
        },
      );
      expect(run.code, printed(run)).toBe(1);
      const report = JSON.parse(readFileSync(join(project.dir, "weak.json"), "utf8")) as SuiteReport;
      const failed = report.cases.filter((result) => result.outcome === "fail").map((result) => result.id);
      expect(failed, printed(run)).toEqual([
        "Probe-Tamper replayed-assertion",
        "Probe-Tamper origin-changed",
        "Probe-Tamper user-not-verified",
      ]);
      expect(report.summary, printed(run)).toMatchObject({ fail: 3, pass: report.summary.total - 3 });
      expect(run.stdout).toContain(
        "FAIL Probe-Tamper origin-changed — clientDataJSON names another origin (https://evil.example)",
      );
      // The CI files: each failing probe is a JUnit failure, and the HTML page shows the page it left.
      expect(readFileSync(join(project.dir, "weak.xml"), "utf8")).toMatch(
        /name="Passkey Lab probes: [^"]+" tests="\d+" failures="3" errors="0"/,
      );
      expect(
        readFileSync(join(project.dir, "weak.html"), "utf8").match(/<img alt="The page after Probe-Tamper/g),
      ).toHaveLength(3);
    } finally {
      await site.close();
    }
  });

  it("runs a team's own Playwright test on the kit's fixtures, in a real browser", async () => {
    const site = await startWeakRp();
    try {
      const run = await project.runBin("playwright", ["test", "--reporter=line"], {
        env: { ...browserEnv, WEAK_RP_URL: site.url },
      });
      expect(run.code, printed(run)).toBe(0);
      expect(run.stdout).toMatch(/1 passed/);
    } finally {
      await site.close();
    }
  });

  it("on the portal, every happy path passes and every tamper is refused", async () => {
    const [port] = await freePorts(1);
    const server = await startServer({
      port,
      databaseUrl: database.url,
      authSecret: database.authSecret,
      origins: [originOf(port)],
    });
    const run = await project.runBin(
      "passkey-lab",
      ["probe", "--config", "portal/passkey-lab.config.ts", "--json", "portal.json"],
      {
        env: { ...browserEnv, PORTAL_URL: server.url, DATABASE_URL: database.url },
        timeoutMs: 170_000,
      },
    );
    expect(run.code, printed(run)).toBe(0);
    const report = JSON.parse(readFileSync(join(project.dir, "portal.json"), "utf8")) as SuiteReport;
    // Sign-in asks for UV "preferred" (UV is required only at step-up and withdrawal), so UV=0 is no tamper there.
    const { "Probe-Tamper user-not-verified": uvProbe, ...others } = outcomes(report);
    expect(uvProbe).toBe("skip");
    expect(new Set(Object.values(others)), printed(run)).toEqual(new Set(["pass"]));
    expect(Object.keys(others).filter((id) => id.startsWith("Probe-Tamper"))).toHaveLength(10);
    const seconds = Number(run.stdout.match(/: \d+ cases in ([\d.]+) s:/)?.[1]);
    expect(seconds, "the summary line prints the run's time").toBeGreaterThan(0);
  });
});
