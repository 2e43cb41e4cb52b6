// Only the front-end targets of issue 6, against servers that are already running (`next start`): first-load JS of
// the given pages and the wizard's time to its automatic checks, with the bench's own functions. With several URLs
// (before and after a change) the wizard visits alternate between them, so a busy minute weighs on each alike.
//   npx tsx bench/front-targets.ts http://localhost:3244 [http://localhost:3247] [--runs 10] [--pages /,/sign-in]
//     [--no-wizard] [--chunks] [--languages en-US,es-ES,zh-CN,ar]
import { pageWeight } from "./page-weight";
import { interleavedWizardTimings, type WizardVisit } from "./wizard-timing";

const args = process.argv.slice(2);
const baseUrls = args.filter((arg) => arg.startsWith("http"));
if (baseUrls.length === 0) baseUrls.push("http://localhost:3244");
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const runs = Number(option("--runs") ?? 10);
const pages = (option("--pages") ?? "/,/sign-in,/troubleshoot").split(",");
const locales = (option("--languages") ?? "en-US").split(",");
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

for (const baseUrl of baseUrls) {
  for (const path of pages) {
    const weight = await pageWeight(baseUrl, path);
    console.log(
      `${baseUrl}${path}: ${(weight.gzipBytes / 1000).toFixed(1)} kB gzip (${weight.gzipBytes} B) in ${weight.scripts} scripts`,
    );
    if (args.includes("--chunks")) {
      for (const [script, bytes] of Object.entries(weight.gzipByScript).sort((a, b) => b[1] - a[1]))
        console.log(`  ${(bytes / 1000).toFixed(1)} kB ${script}`);
    }
  }
}

if (!args.includes("--no-wizard")) {
  const targets = baseUrls.flatMap((baseUrl) => locales.map((locale) => ({ baseUrl, locale })));
  const results = await interleavedWizardTimings(targets, runs);
  const keys: (keyof Omit<WizardVisit, "lang">)[] = [
    "htmlReceivedMs",
    "scriptsReceivedMs",
    "domContentLoadedMs",
    "checksRoundTripStartMs",
    "checksRoundTripEndMs",
    "checksShownMs",
  ];
  for (const [index, { visits }] of results.entries()) {
    console.log(`wizard on ${targets[index].baseUrl} in ${targets[index].locale}, medians of ${visits.length}:`);
    for (const key of keys) {
      const values = visits.map((visit) => visit[key]).filter((value): value is number => typeof value === "number");
      console.log(`  ${key}: ${values.length ? median(values).toFixed(1) : "—"} ms`);
    }
    console.log(`  checks shown, each run: ${visits.map((visit) => visit.checksShownMs).join(", ")}`);
  }
}
