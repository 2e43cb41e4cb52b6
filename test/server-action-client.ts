// Calls the portal's server actions over HTTP exactly as a browser does (Next-Action header, JSON arguments, React
// Flight response), for tests and benchmarks that drive the real `next start` server without a browser.
// Action ids come from the build's server-reference manifest.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The build the server runs: server action ids differ per build (next.config.ts reads the same variable). */
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

export type ActionResponse<T> = {
  status: number;
  result: T | undefined;
  redirect: string | null;
  setCookies: string[];
  body: string;
  cacheControl: string | null;
};

/** Cookies as a browser keeps them: name → value, updated from every response. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(setCookies: string[]) {
    for (const header of setCookies) {
      const [pair] = header.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** Flight payload "0:{…}\n1:{…}": the action's return value is the row that chunk 0 points at ("$@1"). */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get("0");
  if (!head) return undefined;
  const pointer = (JSON.parse(head) as { a?: string }).a;
  const row = pointer?.startsWith("$@") ? rows.get(pointer.slice(2)) : undefined;
  return row === undefined ? undefined : JSON.parse(row, (_key, value) => (value === "$undefined" ? undefined : value));
}

/** Each build's action ids by "file#export", read once per build folder. */
const actionIdsByDistDir = new Map<string, Map<string, string>>();

function actionIds(distDir: string): Map<string, string> {
  let ids = actionIdsByDistDir.get(distDir);
  if (!ids) {
    const manifest = JSON.parse(
      readFileSync(join(distDir, "server", "server-reference-manifest.json"), "utf8"),
    ) as Manifest;
    ids = new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
    actionIdsByDistDir.set(distDir, ids);
  }
  return ids;
}

export class ServerActionClient {
  private readonly ids: Map<string, string>;

  constructor(
    readonly baseUrl: string,
    private readonly distDir = DIST_DIR,
    /** Sent with every call, e.g. an X-Forwarded-For that makes this client one client of its own for rate limits. */
    private readonly defaultHeaders: Record<string, string> = {},
  ) {
    this.ids = actionIds(distDir);
  }

  /** The same server and build with more headers on every call: another client address, a User-Agent. */
  withHeaders(headers: Record<string, string>): ServerActionClient {
    return new ServerActionClient(this.baseUrl, this.distDir, { ...this.defaultHeaders, ...headers });
  }

  /** The action id of `exportName` in `file` (as in the manifest, e.g. "app/(auth)/sign-in/actions.ts"). */
  id(file: string, exportName: string): string {
    const id = this.ids.get(`${file}#${exportName}`);
    if (!id) throw new Error(`no server action ${exportName} in ${file}`);
    return id;
  }

  /**
   * Calls a form action written for useActionState, `(previousState, formData)`, encoded as React does: field "0"
   * holds the arguments with a reference to the form, whose fields are prefixed "1_". `plain: true` for a plain
   * `<form action={action}>`, whose one argument is the form.
   */
  async callWithForm<T>(
    path: string,
    file: string,
    exportName: string,
    fields: Record<string, string>,
    options: { jar?: CookieJar; headers?: Record<string, string>; plain?: boolean } = {},
  ) {
    const form = new FormData();
    // As a browser sends it: the FormData argument's fields under "_<reference id>_", then the root row "0" last —
    // the server decodes the stream as it arrives, and builds the FormData from the fields it has when "0" comes.
    for (const [name, value] of Object.entries(fields)) form.set(`_1_${name}`, value);
    form.set("0", JSON.stringify(options.plain ? ["$K1"] : [null, "$K1"]));
    return this.send<T>(path, file, exportName, form, options.headers ?? {}, options.jar);
  }

  async call<T>(
    path: string,
    file: string,
    exportName: string,
    args: unknown[],
    options: { jar?: CookieJar; headers?: Record<string, string> } = {},
  ): Promise<ActionResponse<T>> {
    return this.send<T>(
      path,
      file,
      exportName,
      JSON.stringify(args),
      { "Content-Type": "text/plain;charset=UTF-8", ...options.headers },
      options.jar,
    );
  }

  private async send<T>(
    path: string,
    file: string,
    exportName: string,
    body: string | FormData,
    headers: Record<string, string>,
    jar?: CookieJar,
  ) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: {
        "Next-Action": this.id(file, exportName),
        Accept: "text/x-component",
        Origin: this.baseUrl,
        ...this.defaultHeaders,
        ...(jar ? { Cookie: jar.header() } : {}),
        ...headers,
      },
      body,
    });
    const text = await response.text();
    const setCookies = response.headers.getSetCookie();
    jar?.store(setCookies);
    let result: T | undefined;
    try {
      result = actionResult(text) as T | undefined;
    } catch {
      result = undefined;
    }
    const answer: ActionResponse<T> = {
      status: response.status,
      result,
      redirect: response.headers.get("x-action-redirect"),
      setCookies,
      body: text,
      cacheControl: response.headers.get("cache-control"),
    };
    return answer;
  }
}
