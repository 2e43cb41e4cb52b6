// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): self time by package or area, the hottest
// functions, and the inclusive time of functions whose name matches a pattern.
// `npx tsx bench/summarise-profile.ts FILE.cpuprofile [--top N] [--inclusive REGEX]`
import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** "next (compiled react-server-dom)", "@libsql/client", "node:internal", "app bundle", "(garbage collector)", … */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node: internals";
  const modules = url.split("node_modules/");
  if (modules.length > 1) {
    const rest = modules.at(-1)!;
    const name = rest.startsWith("@") ? rest.split("/").slice(0, 2).join("/") : rest.split("/")[0];
    if (name === "next") {
      const compiled = rest.match(/dist\/compiled\/([^/]+)/)?.[1];
      return compiled ? `next (compiled ${compiled})` : `next (${rest.split("/").slice(1, 3).join("/")})`;
    }
    return name;
  }
  if (/\/server\/chunks\/ssr\//.test(url)) return "app bundle (ssr chunks)";
  if (/\/server\/chunks\//.test(url)) return "app bundle (server chunks)";
  if (/\/\.next[^/]*\//.test(url)) return "app bundle (other)";
  if (/\/(lib|bench|test)\//.test(url)) return url.match(/\/(lib|bench|test)\/.*/)?.[0] ?? url;
  return url;
}

export function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );
  const total = profile.endTime - profile.startTime;
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const key = `${functionName || "(anonymous)"} ${url ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(\.next[^/]*)\//, "$1/")}:${lineNumber + 1}` : ""}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const seen = new Set<string>();
    for (
      let at: number | undefined = id, depth = 0;
      at !== undefined && depth < 10_000;
      at = parents.get(at), depth++
    ) {
      const frame = byId.get(at)!.callFrame;
      const name = frame.functionName || "(anonymous)";
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: micros / total }));
  return {
    totalMs: Math.round(total / 1000),
    areas: ranked(areas),
    functions: ranked(functions),
    inclusive: ranked(inclusive),
  };
}

if (process.argv[1]?.endsWith("summarise-profile.ts")) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: summarise-profile.ts FILE.cpuprofile [--top N]");
  const top = Number(process.argv[process.argv.indexOf("--top") + 1]) || 25;
  const summary = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile);
  const line = ({ name, ms, share }: { name: string; ms: number; share: number }) =>
    `${(share * 100).toFixed(1).padStart(5)} %  ${String(ms).padStart(7)} ms  ${name}`;
  console.log(`${file}: ${summary.totalMs} ms profiled\n\nSelf time by area:`);
  for (const area of summary.areas.slice(0, top)) console.log(line(area));
  console.log("\nHottest functions (self time):");
  for (const fn of summary.functions.slice(0, top)) console.log(line(fn));
  const pattern = process.argv.includes("--inclusive")
    ? new RegExp(process.argv[process.argv.indexOf("--inclusive") + 1], "i")
    : null;
  if (pattern) {
    console.log(`\nInclusive time of functions matching ${pattern}:`);
    for (const fn of summary.inclusive.filter(({ name }) => pattern.test(name)).slice(0, top)) console.log(line(fn));
  }
}
