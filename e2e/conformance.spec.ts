// The conformance page runs the whole suite against this server, shows results live as they arrive (with progress),
// offers it as JSON and JUnit, and keeps the run: it appears in this browser's list of recent runs and opens on its own page.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("running the suite from the web shows every case arrive with progress, none fails, and the run is kept", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.goto("/conformance");
  await page.getByRole("button", { name: "Run the suite" }).click();
  const summary = page.getByTestId("suite-summary");

  // Live: part-way through the run the progress bar holds a count above 0 and below the total, and the text says it.
  const progress = page.getByRole("progressbar", { name: "Cases run" });
  await expect(progress).toHaveAttribute("aria-valuemax", /^[1-9]\d*$/);
  const total = Number(await progress.getAttribute("aria-valuemax"));
  const phase = async () => {
    const done = Number(await progress.getAttribute("aria-valuenow"));
    return done === 0 ? "no case in yet" : done < total ? "part-way" : "every case in";
  };
  await expect
    .poll(phase, { message: "progress seen part-way through the run", intervals: [50], timeout: 60_000 })
    .toBe("part-way");
  await expect(summary).toContainText(new RegExp(`^\\d+ of ${total} cases`));
  // …then it reaches the total, and the run ends.
  await expect(progress).toHaveAttribute("aria-valuenow", String(total), { timeout: 150_000 });
  await expect(progress).toHaveAttribute("aria-valuetext", `${total} of ${total} cases`);
  // In the site's palette (app/globals.css): the fill is brand-600 on a brand-100 track, not the browser's blue or green.
  const colours = await progress.evaluate((bar) => {
    const brand = (name: string) => {
      const probe = document.createElement("span");
      probe.style.color = `var(--color-brand-${name})`;
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    };
    const fill = bar.firstElementChild as HTMLElement;
    return {
      track: getComputedStyle(bar).backgroundColor,
      fill: getComputedStyle(fill).backgroundColor,
      fillWidth: fill.offsetWidth,
      barWidth: bar.clientWidth,
      brand600: brand("600"),
      brand100: brand("100"),
    };
  });
  expect(colours).toEqual({ ...colours, track: colours.brand100, fill: colours.brand600, fillWidth: colours.barWidth });
  await expect(summary).toContainText(/finished in/, { timeout: 30_000 });
  await expect(summary).toContainText(`${total} of ${total} cases`);
  await expect(summary).toContainText("· 0 fail · 0 deviation · 0 target-error · 0 not-run · 0 inconclusive ·");
  await expect(page.getByRole("list", { name: "Failed cases" })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const counts =
    /(\d+) of \1 cases · ((\d+) pass · 0 fail · 0 deviation · 0 target-error · 0 not-run · 0 inconclusive · (\d+) skip)/.exec(
      (await summary.textContent()) ?? "",
    );
  expect(counts).not.toBeNull();

  // The finished run is offered as the CLI's files, and the JSON counts what the page counts.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download JSON" }).click(),
  ]);
  const downloaded = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(downloaded.summary).toMatchObject({
    total: Number(counts![1]),
    pass: Number(counts![3]),
    fail: 0,
    skip: Number(counts![4]),
  });
  await expect(page.getByRole("link", { name: "Download JUnit XML" })).toHaveAttribute(
    "href",
    /^\/conformance\/runs\/[\w-]+\/junit\.xml$/,
  );

  // Kept: the list of this browser's runs shows it, newest first, and its page shows the same counts.
  const newest = page.getByRole("table", { name: "Recent runs" }).getByRole("row").nth(1);
  await expect(newest).toContainText(`${baseURL}/fido`);
  await expect(newest).toContainText("Finished");
  await expect(newest.getByRole("cell").nth(3)).toHaveText(counts![2]);
  await page.getByRole("link", { name: "this run's page" }).click();
  await expect(page.getByRole("heading", { name: "Conformance run" })).toBeVisible();
  await expect(page.getByTestId("run-summary")).toHaveText(`${counts![1]} cases · ${counts![2]}`);
  await expect(page.getByText("Finished", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Failed cases" })).toHaveCount(0);
});
