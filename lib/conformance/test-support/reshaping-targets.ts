// Test support: targets with one known behaviour each, for the outcome tests. Each wraps our own relying party, served
// in process by node:http, and changes only the shape of its answers (or stops answering), so every decision under
// test is a real one. Not used by the app.
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type RunningTarget = { url: string; close: () => Promise<void> };
export type OwnRelyingParty = RunningTarget & { origin: string; metadataDir: string };

/** An answer as the target would send it; a reshape returns another, or "crash" to stop answering for good. */
export type ShapedAnswer = { status: number; body: unknown };
export type Reshape = (answer: ShapedAnswer, request: { path: string; body: string }) => ShapedAnswer | "crash";

async function listen(server: Server): Promise<{ port: number; close: () => Promise<void> }> {
  server.listen(0, "localhost");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    if (!server.listening) return;
    server.closeAllConnections();
    server.close();
    await once(server, "close");
  };
  return { port, close };
}

const readBody = async (incoming: IncomingMessage) => Buffer.concat(await incoming.toArray());

/**
 * Our four route handlers on a localhost port, the way suite.integration.test.ts serves them. Loads the routes after
 * setting RP_ORIGINS to this port's origin (lib/env reads it once), so call it once per test file.
 */
export async function startOwnRelyingParty(): Promise<OwnRelyingParty> {
  const routes = new Map<string, (request: Request) => Promise<Response>>();
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    void (async () => {
      const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
      const route = routes.get(url.pathname);
      const body = await readBody(incoming);
      if (!route || incoming.method !== "POST") return outgoing.writeHead(route ? 405 : 404).end();
      const headers = Object.entries(incoming.headers).flatMap(([name, value]) =>
        typeof value === "string" ? [[name, value] as [string, string]] : [],
      );
      const response = await route(new Request(url, { method: "POST", headers, body }));
      outgoing
        .writeHead(response.status, Object.fromEntries(response.headers))
        .end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  // Client and server share one event loop: a burst of key generation must not let an idle keep-alive connection close.
  server.keepAliveTimeout = 60_000;
  const { port, close } = await listen(server);
  const origin = `http://localhost:${port}`;
  const metadataDir = mkdtempSync(join(tmpdir(), "passkey-lab-fido-metadata-"));
  Object.assign(process.env, {
    RP_ID: "localhost",
    RP_ORIGINS: origin,
    FIDO_CONFORMANCE_API: "on",
    FIDO_TRUST_TEST_CA: "off",
    FIDO_METADATA_DIR: metadataDir,
  });
  routes.set("/fido/attestation/options", (await import("@/app/fido/attestation/options/route")).POST);
  routes.set("/fido/attestation/result", (await import("@/app/fido/attestation/result/route")).POST);
  routes.set("/fido/assertion/options", (await import("@/app/fido/assertion/options/route")).POST);
  routes.set("/fido/assertion/result", (await import("@/app/fido/assertion/result/route")).POST);
  return { url: `${origin}/fido`, origin, metadataDir, close };
}

/** A target in front of `upstream` (a /fido base URL) that passes every request on and reshapes every answer. */
export async function startReshapingTarget(upstream: string, reshape: Reshape): Promise<RunningTarget> {
  let crashed = false;
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readBody(incoming);
      const path = (incoming.url ?? "/").replace(/^\/fido/, "");
      const response = await fetch(`${upstream}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Passed on as text.
      }
      const shaped = crashed
        ? "crash"
        : reshape({ status: response.status, body: parsed }, { path, body: body.toString("utf8") });
      if (shaped === "crash") {
        // As a server whose async route threw: the process is gone, with this request and every later one.
        crashed = true;
        incoming.socket.destroy();
        return void close();
      }
      outgoing.writeHead(shaped.status, { "content-type": "application/json" }).end(JSON.stringify(shaped.body));
    })();
  });
  server.keepAliveTimeout = 60_000;
  const { port, close } = await listen(server);
  return { url: `http://localhost:${port}/fido`, close };
}

const refused = (answer: ShapedAnswer) => answer.status >= 400;
const messageOf = (answer: ShapedAnswer) =>
  String((answer.body as { errorMessage?: unknown } | null)?.errorMessage ?? "refused");

/** Refuses as SimpleWebAuthn's example does: HTTP 400 {"errorMessage": "…"}, without "status": "failed". */
export const refusalsWithoutStatus: Reshape = (answer) =>
  refused(answer) ? { status: 400, body: { errorMessage: messageOf(answer) } } : answer;

/** Refuses with HTTP 200 {"status": ""}: that example's way of saying "not verified". */
export const refusalsAsEmptyStatus: Reshape = (answer) =>
  refused(answer) ? { status: 200, body: { status: "" } } : answer;

/** Accepts whatever it is sent. */
export const acceptsEverything: Reshape = (answer) =>
  refused(answer) ? { status: 200, body: { status: "ok", errorMessage: "" } } : answer;

/** Answers like our own server until this body arrives at this path (e.g. "/attestation/result"), then stops answering. */
export const crashesOn =
  (fatalPath: string, fatalBody: string): Reshape =>
  (answer, request) =>
    request.path === fatalPath && request.body === fatalBody ? "crash" : answer;

/** Refuses whatever it is sent, in the API's own shape. */
export const refusesEverything: Reshape = () => ({ status: 400, body: { status: "failed", errorMessage: "refused" } });

/** Answers the options at `path` (e.g. "/attestation/options") without one field: "rp", or a nested one like "user.id". */
export const dropsFromOptions =
  (path: string, field: string): Reshape =>
  (answer, request) => {
    if (request.path !== path || typeof answer.body !== "object" || answer.body === null) return answer;
    const body = structuredClone(answer.body) as Record<string, Record<string, unknown>>;
    const [outer, inner] = field.split(".");
    if (inner === undefined) delete body[outer];
    else if (body[outer]) delete body[outer][inner];
    return { status: answer.status, body };
  };

/**
 * Serves one registration at a time, as a server keeping one "current user" does: while a user's registration is under
 * way (options sent, no result yet), options asked for anyone else are that user's. A fresh one per target.
 */
export function keepsOneCurrentUser(): Reshape {
  let current: unknown = null;
  return (answer, request) => {
    if (request.path === "/attestation/result") {
      current = null;
      return answer;
    }
    if (
      request.path !== "/attestation/options" ||
      answer.status !== 200 ||
      typeof answer.body !== "object" ||
      answer.body === null
    )
      return answer;
    const body = answer.body as Record<string, unknown>;
    if (current === null) {
      current = body.user;
      return answer;
    }
    return { status: answer.status, body: { ...body, user: current } };
  };
}
