// The suite's only way to reach a server: fetch, JSON over HTTP, with a cookie jar per case (servers that keep the
// challenge in a session need one) and a record of every exchange for the report.
import type { Exchange } from "@/lib/conformance-report-shapes";

/** `notJson`: the body was not JSON (shown as its text), which the suite reads as a broken answer. */
export type Answer = { status: number; body: unknown; notJson?: boolean };

const SHOWN_BODY_CHARS = 4096;

/** Bodies as a report shows them: JSON as is, anything large cut short with its size. */
function shown(body: unknown, raw: string): unknown {
  if (raw.length <= SHOWN_BODY_CHARS) return body;
  return `${raw.slice(0, 512)}… (${raw.length} characters)`;
}

export class FidoClient {
  readonly exchanges: Exchange[] = [];
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 30_000,
  ) {}

  /** POSTs `body` as JSON to `${baseUrl}${path}`. */
  post(path: string, body: unknown): Promise<Answer> {
    return this.postRaw(path, JSON.stringify(body), body);
  }

  /**
   * POSTs raw bytes or text (malformed bodies); never throws: a network failure is status 0. A connection reset
   * before any answer is tried once more on a new connection: it is the keep-alive race (the server closed an idle
   * connection just as the request went out on it), and such a request never reached the server.
   */
  async postRaw(path: string, raw: string | Uint8Array, shownBody?: unknown): Promise<Answer> {
    const first = await this.attempt(path, raw, shownBody);
    return first.reset ? (await this.attempt(path, raw, shownBody)).answer : first.answer;
  }

  private async attempt(
    path: string,
    raw: string | Uint8Array,
    shownBody?: unknown,
  ): Promise<{ answer: Answer; reset: boolean }> {
    const url = `${this.baseUrl}${path}`;
    const started = Date.now();
    const rawText = typeof raw === "string" ? raw : `<${raw.byteLength} bytes>`;
    const request = { method: "POST" as const, url, body: shown(shownBody ?? rawText, rawText) };
    let answer: Answer;
    let reset = false;
    try {
      const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
      if (this.cookies.size > 0)
        headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      const response = await this.fetchImpl(url, {
        method: "POST",
        headers,
        body: raw as BodyInit,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      this.remember(response.headers.getSetCookie?.() ?? []);
      const text = await response.text();
      let body: unknown = text;
      let notJson = false;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the report shows the text.
        notJson = true;
      }
      answer = { status: response.status, body: shown(body, text), ...(notJson ? { notJson } : {}) };
    } catch (error) {
      const cause = (error as Error & { cause?: Error & { code?: string } }).cause;
      reset = cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET";
      answer = {
        status: 0,
        body: { error: `request failed: ${(error as Error).message}${cause ? ` (${cause.message})` : ""}` },
      };
    }
    this.exchanges.push({ request, response: answer, durationMs: Date.now() - started });
    return { answer, reset };
  }

  private remember(setCookies: string[]) {
    for (const header of setCookies) {
      const [pair] = header.split(";");
      const separator = pair.indexOf("=");
      if (separator > 0) this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
  }
}
