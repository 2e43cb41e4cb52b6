#!/usr/bin/env node
// Passkey Lab's HTTP server: Next.js with a thin layer in front that does what Next.js cannot.
// - It keeps the address of the socket each request came in on (AsyncLocalStorage), which Next.js never hands to
//   server actions: lib/request-client.ts derives the client's address from it and from proxies the operator trusts,
//   never from a header the client wrote (security bar H59, docs/decisions/010-client-address.md).
// - It answers methods the portal does not serve with a clean 405 (Next.js answers TRACE with a 500: bar H66).
// - It loads the framework's scripts after a page's first content where that page draws it itself
//   (server/hold-framework-scripts.mjs).
// `node server.mjs` serves the production build (like `next start`); `node server.mjs --dev` runs `next dev`.
// Plain Node, so it runs without a TypeScript loader.
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { FIRST_CONTENT_EVENTS, holdFrameworkScripts } from "./server/hold-framework-scripts.mjs";

const { values } = parseArgs({
  options: { dev: { type: "boolean", default: false }, port: { type: "string" }, hostname: { type: "string" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Next.js reads PORT for its own URLs; lib/env.ts for the default RP origin.
process.env.PORT = String(port);

/** Read by lib/request-client.ts; shared through globalThis because the app is bundled apart from this file. */
const clientSocket = new AsyncLocalStorage();
globalThis[Symbol.for("passkey-lab.client-socket")] = clientSocket;

/** Every method a page, a server action or a route handler of the portal answers (OPTIONS: CORS preflights get 405s there). */
const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

// Printed before Next.js loads its configuration and runs instrumentation.ts (migrations): the durability suite's
// two-instance start (G57) holds each process here so both migrate side by side.
console.log("Passkey Lab starting");
const app = next({ dev: values.dev, port, hostname: values.hostname });
await app.prepare();
const handle = app.getRequestHandler();

/** The path of a request's target; "" for one that is not a path (`*`, an absolute URL's stray forms). */
function pathOf(target = "") {
  return target.startsWith("/") ? target.split("?")[0] : "";
}

const server = createServer((request, response) => {
  if (!SERVED_METHODS.has(request.method ?? "")) {
    response.writeHead(405, { Allow: [...SERVED_METHODS].join(", "), "Content-Type": "application/json" });
    response.end(
      JSON.stringify({ ok: false, code: "request:method", message: `${request.method} is not served here.` }),
    );
    return;
  }
  const firstContentEvent = request.method === "GET" && FIRST_CONTENT_EVENTS.get(pathOf(request.url));
  if (firstContentEvent && !values.dev) holdFrameworkScripts(response, firstContentEvent);
  // The socket's own address: the one thing about a request its sender cannot choose.
  clientSocket.run(request.socket.remoteAddress ?? "", () => handle(request, response));
});
if (values.dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, values.hostname, () => {
  console.log(`Passkey Lab ready on http://localhost:${port}${values.dev ? " (development)" : ""}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
