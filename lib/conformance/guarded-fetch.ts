// The web runner's fetch: node:http(s) with a DNS lookup that checks every address it connects to (so the address
// checked is the address used: no window for DNS rebinding), no redirects followed (a caller may take them as answers
// and follow them itself, each hop through the guard again), answers capped in size, and the run's own time limit on
// top of each request's. Same shape as fetch, so runSuite takes it through `options.fetch`.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";

export const MAX_RESPONSE_BYTES = 256 * 1024;

export type GuardedFetchOptions = {
  /** Returns why an address must not be reached (the name of its range), or null to allow it. None: all allowed. */
  refuseAddress?: (address: string) => string | null;
  maxResponseBytes?: number;
  /** Aborts every request, in flight or to come (the run's time limit); its reason is the error each request gets. */
  signal?: AbortSignal;
  /** DNS, replaceable in tests. */
  lookup?: typeof dnsLookup;
  /**
   * A redirect is refused (the default: the suite's targets answer their API directly), or answered as it came — its
   * status and Location, no body — for a caller that follows it itself, each hop through this guard again.
   */
  redirects?: "refuse" | "answer";
};

export type GuardedFetch = { fetch: typeof fetch; close: () => void };

/** An error the suite's client reports as the answer's text: `request failed: <message>`. */
const refused = (message: string) => Object.assign(new Error(message), { code: "ERR_TARGET_REFUSED" });

function guardedLookup(refuseAddress: (address: string) => string | null, resolve: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(
      hostname,
      { all: true, family: options.family, hints: options.hints },
      (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, "", 0);
        const bad = addresses.find((entry) => refuseAddress(entry.address) !== null);
        if (bad)
          return callback(
            refused(
              `${hostname} resolves to ${bad.address} (${refuseAddress(bad.address)}), which is not a public address`,
            ),
            "",
            0,
          );
        if (addresses.length === 0) return callback(refused(`${hostname} has no address`), "", 0);
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
        if (options.all)
          return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
    );
  };
}

// Statuses whose Response must have no body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: 8 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: 8 }),
  };
  const lookup = options.refuseAddress ? guardedLookup(options.refuseAddress, options.lookup ?? dnsLookup) : undefined;

  const guardedFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.protocol !== "http:" && url.protocol !== "https:")
        return reject(refused(`only http and https are allowed, not ${url.protocol}`));
      const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
      // Node connects to an IP literal without a lookup, so those are checked here.
      const literalRange = isIP(host) && options.refuseAddress ? options.refuseAddress(host) : null;
      if (literalRange) return reject(refused(`${host} is not a public address (${literalRange})`));

      const signals = [init.signal, options.signal].filter((signal): signal is AbortSignal => Boolean(signal));
      const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
      if (signal?.aborted) return reject(signal.reason);

      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => (headers[name] = value));
      const body =
        init.body === undefined || init.body === null
          ? undefined
          : typeof init.body === "string"
            ? init.body
            : Buffer.from(init.body as Uint8Array);
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));

      const transport = url.protocol === "https:" ? https : http;
      const request = transport.request(url, {
        method: init.method ?? "GET",
        headers,
        agent: agents[url.protocol],
        lookup,
      });
      const onAbort = () => {
        request.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const settle = () => signal?.removeEventListener("abort", onAbort);

      request.on("error", (error) => {
        settle();
        // Like fetch: a TypeError whose cause is the network error (the suite's client retries a reset connection).
        reject(
          (error as { code?: string }).code === "ERR_TARGET_REFUSED"
            ? error
            : new TypeError("fetch failed", { cause: error }),
        );
      });
      request.on("response", (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.destroy();
          settle();
          if (options.redirects === "answer") {
            try {
              const location = String(response.headers.location ?? "");
              return resolve(new Response(null, { status, headers: { location } }));
            } catch {
              return reject(refused(`the target answered HTTP ${status} with a Location header that is not valid`));
            }
          }
          const location = String(response.headers.location ?? "nowhere").slice(0, 200);
          return reject(
            refused(
              `the target answered HTTP ${status}, a redirect to ${location}; the web runner follows no redirects`,
            ),
          );
        }
        if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
          response.destroy();
          settle();
          return reject(refused(`the answer is larger than ${maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > maxBytes) {
            response.destroy();
            settle();
            return reject(refused(`the answer is larger than ${maxBytes} bytes`));
          }
          chunks.push(chunk);
        });
        response.on("error", (error) => {
          settle();
          reject(new TypeError("fetch failed", { cause: error }));
        });
        response.on("end", () => {
          settle();
          if (size > maxBytes) return;
          try {
            const answerHeaders = new Headers();
            for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) {
              try {
                answerHeaders.append(response.rawHeaders[index], response.rawHeaders[index + 1]);
              } catch {
                // A header fetch would not accept: left out.
              }
            }
            resolve(
              new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers: answerHeaders }),
            );
          } catch {
            reject(refused(`the target answered with HTTP status ${status}, which is not a valid status`));
          }
        });
      });
      request.end(body);
    });

  return {
    fetch: guardedFetch as typeof fetch,
    close: () => {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}
