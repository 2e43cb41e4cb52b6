// A page whose first content is drawn by its own inline script (the wizard's automatic checks) gets the framework's
// scripts after that content, not before. Next.js puts its scripts in <head> as `async`, so they run as soon as they
// arrive — on a two-core machine in the middle of the checks, whose answer then waits ≈ 100 ms behind their
// evaluation (docs/performance.md, "Wizard"). No Next.js option loads them later for the App Router, so the server
// marks them in the page's <head> with a type the browser does not run (nor fetch early: a preload cost the checks
// more than it gave hydration) and adds a loader that restores them when the page announces its content (a DOM event)
// or after FALLBACK_MS, so a page whose content never comes is still a working page. Where the loader might not run
// (a policy without a nonce for it) or the head is not as expected, the page goes out as Next.js wrote it (decision
// 030). Plain Node: server.mjs loads it.

/**
 * Pages whose inline script draws their first content, and the DOM event it announces it with: the framework's scripts
 * wait for it (app/troubleshoot/checks-answer.ts, CHECKS_DRAWN_EVENT).
 */
export const FIRST_CONTENT_EVENTS = new Map([["/troubleshoot", "passkey-lab:checks-drawn"]]);

/** A type that holds a script back: not JavaScript, so the browser neither fetches nor runs it (HTML §4.12.1). */
export const HELD_TYPE = "passkey-lab/held";

/** The latest the framework waits: a hung probe or a server that does not answer must not leave the page inert. */
export const FALLBACK_MS = 1000;

/** Past this much HTML without a `</head>`, the page is passed through as it is. */
const MAX_HEAD_BYTES = 256 * 1024;

const HEAD_END = Buffer.from("</head>");
const SCRIPT_TAG = /<script\b([^>]*)><\/script>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:="([^"]*)")?/g;

/** The attributes of an opening tag as React writes them: `name="value"` or a bare name. */
function attributesOf(source) {
  return new Map([...source.matchAll(ATTRIBUTE)].map(([, name, value]) => [name.toLowerCase(), value ?? ""]));
}

/** The framework's scripts: Next.js's own files, loaded `async`; not its `noModule` fallbacks nor inline code. */
function isFrameworkScript(attributes) {
  return attributes.has("async") && (attributes.get("src") ?? "").startsWith("/_next/") && !attributes.has("type");
}

/**
 * Runs in the page, at the end of its <head>: restores the held scripts once `event` fires on the document, or after
 * `fallbackMs`. It takes them as it runs, before any of the body exists, so that markup injected into the page can
 * never ask to be run by it (a restored script runs under the CSP's 'strict-dynamic'). The nonce is copied from the
 * property: the browser hides a parsed script's nonce attribute (HTML §2.6.4 "nonce").
 */
function restoreHeldScripts(heldType, event, fallbackMs) {
  const heldScripts = [...document.head.querySelectorAll(`script[type="${heldType}"]`)];
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    for (const held of heldScripts) {
      const script = document.createElement("script");
      for (const { name, value } of held.attributes) if (name !== "type") script.setAttribute(name, value);
      script.nonce = held.nonce;
      held.replaceWith(script);
    }
  };
  document.addEventListener(event, restore, { once: true });
  setTimeout(restore, fallbackMs);
}

/**
 * `head`: a page's HTML up to its `</head>`; `policy`: the response's Content-Security-Policy header, if any. Returns
 * the head with the framework's scripts held until `event`, or null when it has none — or when the policy names no
 * nonce for the loader, since a loader the policy blocks would leave the page without its framework. The page is
 * then served as it is.
 */
export function holdScriptsInHead(head, event, policy) {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(policy ?? ""))?.[1];
  if (policy !== undefined && nonce === undefined) return null;
  let found = false;
  const held = head.replace(SCRIPT_TAG, (tag, source) => {
    if (!isFrameworkScript(attributesOf(source))) return tag;
    found = true;
    return `<script type="${HELD_TYPE}"${source}></script>`;
  });
  if (!found) return null;
  const call = JSON.stringify([HELD_TYPE, event, FALLBACK_MS]).slice(1, -1).replace(/</g, "\\u003c");
  const loader = `<script${nonce ? ` nonce="${nonce}"` : ""}>(${restoreHeldScripts.toString()})(${call});</script>`;
  return held.replace(/<\/head>$/, `${loader}</head>`);
}

function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Holds the framework's scripts in the HTML `response` is about to send, until the page dispatches `event`. Only a
 * 200 `text/html` answer sent as it is (no Content-Encoding) is touched; any other, or a page whose head cannot be
 * found, passes through byte for byte.
 */
export function holdFrameworkScripts(response, event) {
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  let pending = null;
  let passing = false;

  const touchable = () =>
    response.statusCode === 200 &&
    String(response.getHeader("content-type") ?? "").startsWith("text/html") &&
    !response.getHeader("content-encoding") &&
    // A length already sent cannot be changed.
    !(response.headersSent && response.hasHeader("content-length"));

  /** What was held back, its head rewritten; from here on every chunk passes straight through. */
  const release = () => {
    passing = true;
    const body = pending;
    pending = null;
    const cut = body.indexOf(HEAD_END) + HEAD_END.length;
    const head = cut >= HEAD_END.length ? body.subarray(0, cut).toString("utf8") : null;
    const rewritten = head && holdScriptsInHead(head, event, response.getHeader("content-security-policy"));
    if (rewritten === null) return body;
    // A length Next.js set was for the page as it wrote it.
    if (!response.headersSent) response.removeHeader("content-length");
    return Buffer.concat([Buffer.from(rewritten, "utf8"), body.subarray(cut)]);
  };

  /** Holds `bytes`; true once the head is complete (or too long to wait for). */
  const hold = (bytes) => {
    const searchFrom = pending ? Math.max(0, pending.length - HEAD_END.length + 1) : 0;
    pending = pending ? Buffer.concat([pending, bytes]) : bytes;
    return pending.includes(HEAD_END, searchFrom) || pending.length > MAX_HEAD_BYTES;
  };

  response.write = (chunk, encoding, callback) => {
    if (!passing && pending === null && !touchable()) passing = true;
    if (passing) return write(chunk, encoding, callback);
    const done = typeof encoding === "function" ? encoding : callback;
    if (hold(toBuffer(chunk, encoding))) return write(release(), done);
    // Held bytes are in memory, not yet on the socket: their write "succeeded" as far as the writer can know.
    if (done) process.nextTick(done);
    return true;
  };

  response.end = (chunk, encoding, callback) => {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (!passing && pending === null && !touchable()) passing = true;
    if (passing) return end(chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null) hold(toBuffer(chunk, encoding));
    if (pending === null) return end(callback);
    return end(release(), callback);
  };
}
