// Redirects, and turns away cross-site server-action posts early. A visitor without a session cookie goes straight to
// sign-in; every page and action still checks the session itself, so a request that slips past this (security bar
// D33) gets nothing.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { readableActionArguments } from "@/lib/action-arguments";
import { DEFAULT_RETURN_PATH, isInSignedInArea } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { continueWithSecurityHeaders } from "@/lib/page-security-headers";

/** Matches next.config.ts serverActions.bodySizeLimit; Next.js itself would answer a bigger body with a 500. */
const MAX_ACTION_BODY_BYTES = 1024 * 1024;

export async function proxy(request: NextRequest) {
  // Server actions change state: they must come from one of our own pages (security bar D34). Next.js would refuse a
  // foreign Origin too, but with a 500; a missing Origin it would accept.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const origin = request.headers.get("origin");
    // Next.js compares the Origin with X-Forwarded-Host when there is one; a forged one would get its 500.
    const forwardedHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (!origin || !env.RP_ORIGINS.includes(origin) || (forwardedHost && forwardedHost !== new URL(origin).host)) {
      return NextResponse.json(
        { ok: false, code: "request:cross-site", message: "This request did not come from a Passkey Lab page." },
        { status: 403 },
      );
    }
    // Refused before anything parses it (security bar B23).
    if (Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) {
      return NextResponse.json({ ok: false, code: "request:too-large", message: "This request is too large." }, { status: 413 });
    }
    // Arguments Next.js could not decode would get a 500 before any action runs (lib/action-arguments.ts).
    const plainArguments = request.headers.get("content-type")?.startsWith("text/plain");
    if (plainArguments && !readableActionArguments(await request.clone().text())) {
      return NextResponse.json({ ok: false, code: "request:malformed", message: "This request could not be read." }, { status: 400 });
    }
  }
  const { pathname, search } = request.nextUrl;
  if (isInSignedInArea(pathname) && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/sign-in", request.url);
    // Back to the page they asked for after signing in (checked again by sign-in: lib/auth/return-path.ts).
    if (pathname !== DEFAULT_RETURN_PATH) signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // A fresh CSP nonce for the page this request renders (security bar H67, decision 015).
  return continueWithSecurityHeaders(request);
}

// Only where there is something to do: every request through the proxy costs ≈ 0.8 ms of CPU in Next.js's adapter
// (docs/performance.md). Server actions are matched by their header, wherever they are posted; the signed-in areas
// for their redirect; and every HTML page for its CSP nonce (decision 015: the price of a strict CSP). Skipped: static
// files (/_next/, the icon), route handlers (/api/, /fido/: JSON, no scripts to vouch for), and RSC requests (client
// navigations and prefetches, which load no HTML; the signed-in areas still match above).
export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    "/account/:path*",
    "/wallet/:path*",
    { source: "/((?!_next/|api/|fido/|icon\\.svg).*)", missing: [{ type: "header", key: "rsc" }] },
  ],
};
