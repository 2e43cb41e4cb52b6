// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// node:http and nothing else: the page, a JSON API for the two ceremonies, and a session cookie. Every refusal is a
// 4xx with `{ ok: false, error }` that the page shows as text; nothing the client sends can make it answer 500.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderPage } from "./page";
import { finishRegistration, registrationOptions, signUpUser } from "./registration";
import { finishSignIn, signInOptions } from "./sign-in";
import { WeakRpStore } from "./store";

const SESSION_COOKIE = "weak_rp_session";
const MAX_BODY_BYTES = 1_000_000;

type Body = Record<string, unknown>;
type Exchange = {
  store: WeakRpStore;
  sessionId: string | undefined;
  userId: string | undefined;
  body: Body;
  response: ServerResponse;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<Body> {
  if (!request.headers["content-type"]?.startsWith("application/json")) throw new HttpError(415, "Send JSON.");
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large: leaving the loop early would destroy the socket before the 413 is sent.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) throw new HttpError(413, "The request is too large.");
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Body;
  } catch {
    // Falls through to the refusal below.
  }
  throw new HttpError(400, "The request is not a JSON object.");
}

function signInAs({ store, response }: Exchange, userId: string): void {
  const sessionId = store.startSession(userId);
  response.setHeader("Set-Cookie", `${SESSION_COOKIE}=${sessionId}; HttpOnly; SameSite=Lax; Path=/`);
}

const routes: Record<string, (exchange: Exchange) => Promise<Body>> = {
  "/api/sign-up/options": async ({ store, body }) => ({
    options: await registrationOptions(store, signUpUser(store, body.username), true),
  }),
  "/api/passkeys/options": async ({ store, userId }) => {
    const user = userId ? store.users.get(userId) : undefined;
    if (!user) throw new HttpError(401, "Sign in to add a passkey.");
    return { options: await registrationOptions(store, user, false) };
  },
  "/api/register/verify": async (exchange) => {
    const user = await finishRegistration(exchange.store, exchange.body.response as never, exchange.userId);
    if (user.id !== exchange.userId) signInAs(exchange, user.id);
    return {};
  },
  "/api/sign-in/options": async ({ store, body }) => ({ options: await signInOptions(store, body.username) }),
  "/api/sign-in/verify": async (exchange) => {
    const user = await finishSignIn(exchange.store, exchange.body.response as never);
    signInAs(exchange, user.id);
    return {};
  },
  "/api/sign-out": async ({ store, sessionId, response }) => {
    if (sessionId) store.sessions.delete(sessionId);
    response.setHeader("Set-Cookie", `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`);
    return {};
  },
};

function sessionIdOf(request: IncomingMessage): string | undefined {
  const cookies = (request.headers.cookie ?? "").split(";").map((pair) => pair.trim().split("="));
  return cookies.find(([name]) => name === SESSION_COOKIE)?.[1];
}

function send(response: ServerResponse, status: number, type: string, content: string): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" }).end(content);
}

async function handle(store: WeakRpStore, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  const sessionId = sessionIdOf(request);
  const userId = sessionId ? store.sessions.get(sessionId) : undefined;
  if (request.method === "GET" && url.pathname === "/") {
    const user = userId ? store.users.get(userId) : undefined;
    const signedIn = user && { user, passkeyCount: store.passkeysOf(user.id).length };
    return send(response, 200, "text/html; charset=utf-8", renderPage(signedIn, url.searchParams.get("notice")));
  }
  const route = routes[url.pathname];
  if (!route) return send(response, 404, "application/json", JSON.stringify({ ok: false, error: "Not found." }));
  if (request.method !== "POST")
    return send(response, 405, "application/json", JSON.stringify({ ok: false, error: "Use POST." }));
  try {
    const body = await readBody(request);
    const answer = await route({ store, sessionId, userId, body, response });
    send(response, 200, "application/json", JSON.stringify({ ok: true, ...answer }));
  } catch (error) {
    // A refusal of what the client sent (SimpleWebAuthn's errors included) is the client's fault: 4xx, with why.
    const status = error instanceof HttpError ? error.status : 400;
    send(
      response,
      status,
      "application/json",
      JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }
}

export type WeakRp = { url: string; store: WeakRpStore; close(): Promise<void> };

/** Starts the site on localhost:`port` (0: any free port) with an empty store. */
export async function startWeakRp(port = 0): Promise<WeakRp> {
  const store = new WeakRpStore();
  const server = createServer((request, response) => void handle(store, request, response));
  await new Promise<void>((resolve) => server.listen(port, "localhost", resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
