// The server's holding of the framework's scripts (server.mjs, on the wizard's page): what it rewrites in a page's
// head, and that every other answer — and every way of writing one — passes through byte for byte.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { CHECKS_DRAWN_EVENT } from "@/app/troubleshoot/checks-answer";
import {
  FALLBACK_MS,
  FIRST_CONTENT_EVENTS,
  HELD_TYPE,
  holdFrameworkScripts,
  holdScriptsInHead,
} from "./hold-framework-scripts.mjs";

const EVENT = "passkey-lab:first-content";
const NONCE = "abEsv6+aD+XNlArqCGl/Tg==";
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`;

// The shape Next.js 16 writes (attributes in its order), with the page's own parts around the framework's.
const HEAD =
  `<!DOCTYPE html><html lang="zh"><head><meta charSet="utf-8"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${NONCE}" data-precedence="next"/>` +
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/boot.js"/>` +
  `<script src="/_next/static/chunks/one.js" async="" nonce="${NONCE}"></script>` +
  `<script src="/_next/static/chunks/turbopack-two.js" nonce="${NONCE}" async=""></script>` +
  `<title>排查通行密钥问题</title>` +
  `<script src="/_next/static/chunks/polyfill.js" noModule="" nonce="${NONCE}"></script>` +
  `<script nonce="${NONCE}">self.inline = 1</script></head>`;
const BODY = `<body><p>通行密钥</p><script src="/_next/static/chunks/boot.js" nonce="${NONCE}" async=""></script></body></html>`;

describe("holdScriptsInHead", () => {
  test("holds the framework's async scripts, keeps everything else, and adds the loader with the page's nonce", () => {
    const held = holdScriptsInHead(HEAD, EVENT, POLICY)!;
    expect(held).toContain(`<script type="${HELD_TYPE}" src="/_next/static/chunks/one.js" async="" nonce="${NONCE}">`);
    expect(held).toContain(
      `<script type="${HELD_TYPE}" src="/_next/static/chunks/turbopack-two.js" nonce="${NONCE}" async="">`,
    );
    // Not the framework's to hold: the legacy-browser fallback, inline code, the stylesheet, the preload.
    expect(held).toContain(`<script src="/_next/static/chunks/polyfill.js" noModule="" nonce="${NONCE}"></script>`);
    expect(held).toContain(`<script nonce="${NONCE}">self.inline = 1</script>`);
    expect(held).toContain(`<link rel="stylesheet" href="/_next/static/chunks/a.css"`);
    expect(held.match(new RegExp(`type="${HELD_TYPE}"`, "g"))).toHaveLength(2);
    const loader = held.slice(held.lastIndexOf("<script"));
    expect(loader).toMatch(new RegExp(`^<script nonce="${NONCE.replace(/[+/]/g, "\\$&")}">\\(function`));
    expect(loader).toContain(`("${HELD_TYPE}","${EVENT}",${FALLBACK_MS});</script></head>`);
  });

  test("a head without the framework's scripts is left alone (null)", () => {
    expect(holdScriptsInHead(`<head><script src="/elsewhere.js" async=""></script></head>`, EVENT)).toBeNull();
    expect(holdScriptsInHead(`<head><script src="/_next/static/chunks/x.js"></script></head>`, EVENT)).toBeNull();
    expect(holdScriptsInHead(`<head><title>t</title></head>`, EVENT)).toBeNull();
  });

  test("the loader carries the nonce of the page's policy; a policy without one leaves the page alone", () => {
    const head = `<head><script src="/_next/static/chunks/x.js" async=""></script></head>`;
    expect(holdScriptsInHead(head, EVENT, POLICY)).toContain(`<script nonce="${NONCE}">(function`);
    // No policy: nothing to satisfy.
    expect(holdScriptsInHead(head, EVENT)).toContain("<script>(function");
    // A policy that names no nonce may forbid the loader, and the page would never get its framework.
    expect(holdScriptsInHead(HEAD, EVENT, "default-src 'self'")).toBeNull();
  });

  test("the wizard's page is held until the event its checks announce", () => {
    expect(FIRST_CONTENT_EVENTS.get("/troubleshoot")).toBe(CHECKS_DRAWN_EVENT);
  });
});

type Writer = (response: ServerResponse) => void;

let close: (() => void) | undefined;
afterEach(() => close?.());

/** What a client receives from a server that holds the framework's scripts in whatever `writer` sends. */
async function served(writer: Writer): Promise<{ status: number; headers: Headers; body: string; bytes: Buffer }> {
  const server = createServer((_, response) => {
    holdFrameworkScripts(response, EVENT);
    writer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://localhost:${port}/troubleshoot`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body: bytes.toString("utf8"), bytes };
}

const html = (response: ServerResponse, status = 200) => {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Content-Security-Policy", POLICY);
};

/** `text` in chunks of `size` bytes, so a tag and a multi-byte character are split across writes. */
function inChunks(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, "utf8");
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

describe("holdFrameworkScripts", () => {
  test("a page written in small pieces (a tag and a character split between them) comes out whole, its head rewritten", async () => {
    const callbacks: number[] = [];
    const page = await served((response) => {
      html(response);
      inChunks(HEAD + BODY, 7).forEach((chunk, index) => response.write(chunk, () => callbacks.push(index)));
      response.end();
    });
    expect(page.status).toBe(200);
    expect(page.body).toBe(holdScriptsInHead(HEAD, EVENT, POLICY)! + BODY);
    expect(callbacks).toHaveLength(inChunks(HEAD + BODY, 7).length);
  });

  test("a page written at once with end(), as a string, and one with a Content-Length, are rewritten and stay valid", async () => {
    const once = await served((response) => {
      html(response);
      response.end(HEAD + BODY, "utf8");
    });
    expect(once.body).toBe(holdScriptsInHead(HEAD, EVENT, POLICY)! + BODY);

    const sized = await served((response) => {
      html(response);
      response.setHeader("Content-Length", Buffer.byteLength(HEAD + BODY));
      response.write(new Uint8Array(Buffer.from(HEAD)));
      response.end(BODY);
    });
    expect(sized.body).toBe(holdScriptsInHead(HEAD, EVENT, POLICY)! + BODY);
    expect(Number(sized.headers.get("content-length") ?? sized.bytes.length)).toBe(sized.bytes.length);
  });

  test("a page whose headers went out first, as Next.js streams one (flushHeaders, then the pieces), is rewritten", async () => {
    const page = await served((response) => {
      html(response);
      response.flushHeaders();
      for (const chunk of inChunks(HEAD + BODY, 512)) response.write(new Uint8Array(chunk));
      response.end();
    });
    expect(page.body).toBe(holdScriptsInHead(HEAD, EVENT, POLICY)! + BODY);
  });

  test.each<[string, Writer]>([
    [
      "a page whose Content-Length went out with its headers",
      (response) => {
        html(response);
        response.setHeader("Content-Length", Buffer.byteLength(HEAD + BODY));
        response.flushHeaders();
        response.end(HEAD + BODY);
      },
    ],
    [
      "a page whose head is longer than the wait, in many small pieces",
      (response) => {
        html(response);
        response.write(`<html><head><script src="/_next/static/chunks/a.js" async=""></script>`);
        for (let i = 0; i < 300; i++) response.write(`<meta name="x" content="${"y".repeat(1000)}"/>`);
        response.end(`</head>${BODY}`);
      },
    ],
    [
      "an error page",
      (response) => {
        html(response, 500);
        response.end(HEAD + BODY);
      },
    ],
    [
      "a flight (RSC) answer",
      (response) => {
        response.setHeader("Content-Type", "text/x-component");
        response.end(HEAD + BODY);
      },
    ],
    [
      "a compressed page",
      (response) => {
        html(response);
        response.setHeader("Content-Encoding", "identity");
        response.end(HEAD + BODY);
      },
    ],
    [
      "a page whose head never ends",
      (response) => {
        html(response);
        const filler = `<meta name="x" content="${"y".repeat(1000)}"/>`.repeat(300);
        response.write(`<html><head><script src="/_next/static/chunks/a.js" async=""></script>${filler}`);
        response.end(BODY);
      },
    ],
  ])("%s passes through byte for byte", async (_, writer) => {
    const expected = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      const sink = {
        statusCode: 200,
        setHeader: () => {},
        flushHeaders: () => {},
        write: (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk)),
        end: (chunk?: string | Uint8Array) => {
          if (chunk) chunks.push(Buffer.from(chunk));
          resolve(Buffer.concat(chunks));
        },
      };
      writer(sink as unknown as ServerResponse);
    });
    const page = await served(writer);
    expect(page.bytes.equals(expected)).toBe(true);
  });

  test("an answer with no body ends cleanly", async () => {
    const page = await served((response) => {
      html(response);
      response.end();
    });
    expect(page.status).toBe(200);
    expect(page.body).toBe("");
  });
});
