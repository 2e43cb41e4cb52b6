// A small hand-made SVG: sign-ins per second (left) and p99 latency (right) against concurrent clients, for the portal,
// the framework-free baseline and the in-process ceiling. No charting library: axes, grid lines, polylines, labels.
import type { BenchResults } from "./results-types";

type Series = { name: string; color: string; dashed?: boolean; labels?: boolean; points: [number, number][] };

const WIDTH = 980;
const HEIGHT = 520;
const PANEL = { width: 370, height: 270, top: 100 };
const LEFT_PANELS = [80, 550];

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value) ?? value;
}

/** Linear axis from 0, or logarithmic (powers of ten) when the values span orders of magnitude. */
function scale(values: number[], log: boolean) {
  if (log) {
    const positive = values.filter((value) => value > 0);
    const low = 10 ** Math.floor(Math.log10(Math.min(...positive)));
    const high = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
    const ticks = Array.from({ length: Math.round(Math.log10(high / low)) + 1 }, (_, i) => low * 10 ** i);
    return {
      ticks,
      at: (value: number) => (Math.log10(Math.max(value, low)) - Math.log10(low)) / Math.log10(high / low),
    };
  }
  const max = niceMax(Math.max(...values) * 1.08);
  return { ticks: [0, 1, 2, 3, 4].map((i) => (max / 4) * i), at: (value: number) => value / max };
}

function panel(left: number, title: string, unit: string, clients: number[], series: Series[], log = false): string {
  const values = series.flatMap((line) => line.points.map(([, y]) => y)).filter(Number.isFinite);
  const axis = scale(values, log);
  const x = (index: number) =>
    left + (clients.length === 1 ? PANEL.width / 2 : (index / (clients.length - 1)) * PANEL.width);
  const y = (value: number) => PANEL.top + PANEL.height - axis.at(value) * PANEL.height;
  const parts: string[] = [
    `<text x="${left}" y="${PANEL.top - 14}" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  for (const value of axis.ticks) {
    parts.push(
      `<line x1="${left}" x2="${left + PANEL.width}" y1="${y(value)}" y2="${y(value)}" stroke="#e2e8f0"/>`,
      `<text x="${left - 8}" y="${y(value) + 4}" font-size="11" text-anchor="end" fill="#475569">${Math.round(value).toLocaleString("en-GB")}</text>`,
    );
  }
  clients.forEach((count, index) =>
    parts.push(
      `<text x="${x(index)}" y="${PANEL.top + PANEL.height + 18}" font-size="11" text-anchor="middle" fill="#475569">${count}</text>`,
    ),
  );
  parts.push(
    `<text x="${left + PANEL.width / 2}" y="${PANEL.top + PANEL.height + 40}" font-size="12" text-anchor="middle">concurrent clients</text>`,
    `<text x="${left - 56}" y="${PANEL.top + PANEL.height / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 ${left - 56} ${PANEL.top + PANEL.height / 2})">${escape(unit)}</text>`,
    `<line x1="${left}" x2="${left}" y1="${PANEL.top}" y2="${PANEL.top + PANEL.height}" stroke="#94a3b8"/>`,
    `<line x1="${left}" x2="${left + PANEL.width}" y1="${PANEL.top + PANEL.height}" y2="${PANEL.top + PANEL.height}" stroke="#94a3b8"/>`,
  );
  for (const line of series) {
    const points = line.points.filter(([, value]) => Number.isFinite(value));
    const coordinates = points.map(([index, value]) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`);
    const dash = line.dashed ? ` stroke-dasharray="6 4"` : "";
    parts.push(
      `<polyline points="${coordinates.join(" ")}" fill="none" stroke="${line.color}" stroke-width="2.5"${dash}/>`,
    );
    if (line.dashed) continue;
    points.forEach(([index, value]) => {
      parts.push(`<circle cx="${x(index).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3.5" fill="${line.color}"/>`);
      if (line.labels) {
        const label = Math.round(value).toLocaleString("en-GB");
        parts.push(
          `<text x="${(x(index) + 6).toFixed(1)}" y="${(y(value) - 7).toFixed(1)}" font-size="10" fill="${line.color}">${label}</text>`,
        );
      }
    });
  }
  return parts.join("\n");
}

export function renderChart(results: BenchResults): string {
  const clients = results.signIn.portal.map((level) => level.clients);
  const index = clients.map((_, i) => i);
  const ceiling = results.signIn.ceiling.perSec;
  const throughput: Series[] = [
    {
      name: "portal (server actions)",
      color: "#2563eb",
      labels: true,
      points: index.map((i) => [i, results.signIn.portal[i].perSec]),
    },
    {
      name: "baseline (node:http + lib/)",
      color: "#16a34a",
      labels: true,
      points: index.map((i) => [i, results.signIn.baseline[i]?.perSec ?? Number.NaN]),
    },
    {
      name: "ceiling (verify + writes, in-process)",
      color: "#dc2626",
      dashed: true,
      points: index.map((i) => [i, ceiling]),
    },
  ];
  const latency: Series[] = [
    { name: "portal", color: "#2563eb", labels: true, points: index.map((i) => [i, results.signIn.portal[i].p99Ms]) },
    {
      name: "baseline",
      color: "#16a34a",
      labels: true,
      points: index.map((i) => [i, results.signIn.baseline[i]?.p99Ms ?? Number.NaN]),
    },
    // Little's law: n clients served one at a time at the ceiling rate wait at least n / rate on average.
    { name: "ceiling", color: "#dc2626", dashed: true, points: index.map((i) => [i, (clients[i] / ceiling) * 1000]) },
    { name: "target", color: "#f59e0b", dashed: true, points: index.map((i) => [i, 100]) },
  ];
  const legend = [
    ["#2563eb", false, "portal: server actions over HTTP (next start)"],
    ["#16a34a", false, "baseline: node:http + the same lib/ code"],
    [
      "#dc2626",
      true,
      `ceiling: verify (cached key) + sign-in writes, in-process: ${ceiling.toLocaleString("en-GB")}/s; right: clients ÷ that rate`,
    ],
    ["#f59e0b", true, "target: p99 ≤ 100 ms at 32 clients"],
  ] as const;
  const legendItems = legend.map(([color, dashed, label], i) => {
    const [lx, ly] = [80, HEIGHT - 80 + i * 18];
    const dash = dashed ? ` stroke-dasharray="6 4"` : "";
    return `<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5"${dash}/><text x="${lx + 36}" y="${ly + 4}" font-size="11">${escape(label)}</text>`;
  });
  const subtitle = `${results.machine.cores} cores · Node ${results.versions.node} · next ${results.versions.next} · ${results.generatedAt.slice(0, 16).replace("T", " ")} UTC · ${results.mode} run`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="26" font-size="17" font-weight="bold" text-anchor="middle">Passkey sign-in: portal vs framework-free baseline vs ceiling</text>`,
    `<text x="${WIDTH / 2}" y="46" font-size="11" text-anchor="middle" fill="#475569">${escape(subtitle)}</text>`,
    panel(LEFT_PANELS[0], "Throughput (log scale)", "sign-ins per second", clients, throughput, true),
    panel(LEFT_PANELS[1], "p99 latency", "milliseconds", clients, latency),
    ...legendItems,
    `</svg>`,
  ].join("\n");
}
