// The framework-free baseline: the passkey sign-in on node:http with the same lib/ code the portal's server actions
// call (bench/lib-sign-in.ts: rate-limited options; verify, then the session token lib/auth/session-token.ts makes).
// Started by bench/run.ts with DATABASE_URL, AUTH_SECRET, PORT and RP_ORIGINS set:
//   node --conditions=react-server --import tsx bench/baseline-server.ts
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { describeClient } from "@/lib/client-info";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { deleteExpiredChallenges } from "@/lib/webauthn/challenges";
import { signInOptionsStep, signInVerifyStep } from "./lib-sign-in";
import { SESSION_COOKIE, SESSION_MAX_AGE_S } from "./session-token";

/** The portal's serverActions.bodySizeLimit. */
const BODY_LIMIT = 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new HttpError(413, "body too large");
    chunks.push(chunk);
  }
  try {
    return chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  if (request.method === "GET" && request.url === "/health") return send(response, 200, { ok: true });
  if (request.method !== "POST") throw new HttpError(405, "POST only");
  // Same rule as proxy.ts for server actions: only our own origin may change state.
  const origin = request.headers.origin;
  if (!origin || !env.RP_ORIGINS.includes(origin)) throw new HttpError(403, "cross-site request");
  const body = (await readJson(request)) as { email?: unknown; ceremonyId?: unknown; response?: unknown };
  if (request.url === "/sign-in/options") {
    const email =
      typeof body.email === "string" && body.email.trim() ? body.email.trim().slice(0, 254).toLowerCase() : undefined;
    // The address the load driver, playing a trusted proxy, put in X-Forwarded-For (lib/request-client.ts reads the
    // same hop with TRUSTED_PROXIES=loopback, as bench/servers.ts starts the portal).
    const source =
      String(request.headers["x-forwarded-for"] ?? "")
        .split(",")[0]
        ?.trim() || "unknown";
    const result = await signInOptionsStep(source, email);
    return send(response, result.ok ? 200 : 429, result);
  }
  if (request.url === "/sign-in/verify") {
    const { ceremonyId } = body;
    if (typeof ceremonyId !== "string" || ceremonyId.length === 0 || ceremonyId.length > 100)
      throw new HttpError(400, "ceremonyId");
    const result = await signInVerifyStep(ceremonyId, body.response, describeClient(request.headers["user-agent"]));
    if (!result.ok) return send(response, 400, result);
    const cookie = `${SESSION_COOKIE}=${result.data.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_S}`;
    return send(response, 200, { ok: true, redirect: "/account" }, { "set-cookie": cookie });
  }
  throw new HttpError(404, "not found");
}

await migrateDatabase();
await deleteExpiredChallenges();

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) console.error(error);
    if (!response.headersSent)
      send(response, status, { ok: false, code: "request:failed", message: (error as Error).message });
    else response.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, () => console.log(`baseline ready on http://localhost:${env.PORT}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // A clean exit, so that --cpu-prof writes its profile.
  process.once(signal, () => server.close(() => process.exit(0)).closeAllConnections());
}
