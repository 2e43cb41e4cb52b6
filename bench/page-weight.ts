// First-load JS: the scripts a page's served HTML loads (<script src>), each fetched and gzipped, summed per page.
// `noModule` scripts (Next's legacy-browser polyfills) are left out — a browser with ES modules never fetches them —
// and reported on their own.
import { gzipSync } from "node:zlib";

export type PageWeight = {
  status: number;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  gzipByScript: Record<string, number>;
  /** Scripts only legacy browsers load (`<script nomodule>`), not in gzipBytes. */
  noModuleGzipBytes: number;
};

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const SRC = /\bsrc="([^"]+)"/i;
const NO_MODULE = /\bnomodule\b/i;

function decodeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
}

/** The HTML of `path` (with `cookie` when given) and the scripts it loads; throws unless it answers 200. */
export async function pageWeight(baseUrl: string, path: string, cookie?: string): Promise<PageWeight> {
  const page = await fetch(new URL(path, baseUrl), {
    redirect: "manual",
    headers: cookie ? { Cookie: cookie } : {},
    signal: AbortSignal.timeout(30_000),
  });
  const html = await page.text();
  if (page.status !== 200)
    throw new Error(
      `${path}: HTTP ${page.status}${page.headers.get("location") ? ` → ${page.headers.get("location")}` : ""}`,
    );
  const tags = [...html.matchAll(SCRIPT_TAG)].map((match) => match[0]).filter((tag) => SRC.test(tag));
  const url = (tag: string) => new URL(decodeAttribute(tag.match(SRC)![1]), baseUrl).href;
  const sources = [...new Set(tags.filter((tag) => !NO_MODULE.test(tag)).map(url))];
  const legacy = [...new Set(tags.filter((tag) => NO_MODULE.test(tag)).map(url))].filter(
    (source) => !sources.includes(source),
  );
  let rawBytes = 0;
  let gzipBytes = 0;
  let noModuleGzipBytes = 0;
  const gzipByScript: Record<string, number> = {};
  for (const source of [...sources, ...legacy]) {
    const script = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (script.status !== 200) throw new Error(`${path}: script ${source} answered ${script.status}`);
    const body = Buffer.from(await script.arrayBuffer());
    const gzipped = gzipSync(body, { level: 9 }).length;
    if (legacy.includes(source)) {
      noModuleGzipBytes += gzipped;
      continue;
    }
    rawBytes += body.length;
    gzipBytes += gzipped;
    gzipByScript[new URL(source).pathname] = gzipped;
  }
  return { status: page.status, scripts: sources.length, rawBytes, gzipBytes, gzipByScript, noModuleGzipBytes };
}
