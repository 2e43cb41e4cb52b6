// Client extension results without their bytes. The browser returns PRF results and large blobs as ArrayBuffers:
// the card needs only whether they came back and how long they are, and a PRF result is a secret that never needs to
// leave the page. Runs in the browser before anything is sent; the server checks the summary's shape.
import type { ExtensionSummary } from "./schemas";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function byteLength(value: unknown): { byteLength: number } | undefined {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return { byteLength: value.byteLength };
  // A browser's toJSON() (or an extension) may already have encoded the bytes as base64url.
  if (typeof value === "string") return { byteLength: Math.floor((value.replace(/=+$/, "").length * 3) / 4) };
  return undefined;
}

const optionalBoolean = (value: unknown) => (typeof value === "boolean" ? value : undefined);

function withoutUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** getClientExtensionResults() in, a JSON-safe summary out; unexpected shapes are dropped, never thrown on. */
export function summariseExtensionResults(raw: unknown): ExtensionSummary {
  if (!isRecord(raw)) return {};
  const summary: ExtensionSummary = {};
  if (isRecord(raw.credProps)) summary.credProps = withoutUndefined({ rk: optionalBoolean(raw.credProps.rk) });
  if (isRecord(raw.prf)) {
    const results = isRecord(raw.prf.results)
      ? withoutUndefined({ first: byteLength(raw.prf.results.first), second: byteLength(raw.prf.results.second) })
      : undefined;
    summary.prf = withoutUndefined({ enabled: optionalBoolean(raw.prf.enabled), results });
  }
  if (isRecord(raw.largeBlob)) {
    summary.largeBlob = withoutUndefined({
      supported: optionalBoolean(raw.largeBlob.supported),
      blob: byteLength(raw.largeBlob.blob),
      written: optionalBoolean(raw.largeBlob.written),
    });
  }
  const others = Object.keys(raw).filter((name) => !["credProps", "prf", "largeBlob"].includes(name));
  if (others.length > 0) summary.others = others.slice(0, 20).map((name) => name.slice(0, 64));
  return summary;
}
