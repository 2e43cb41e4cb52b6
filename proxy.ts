// Redirects, and turns away server-action posts Next.js should never see. A visitor without a session cookie goes
// straight to sign-in; every page and action still checks the session itself, so a request that slips past this
// (security bar D33) gets nothing.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { refuseActionRequest } from "@/lib/action-request";
import { failureResponse } from "@/lib/errors";
import { DEFAULT_RETURN_PATH, isInSignedInArea } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { continueWithSecurityHeaders } from "@/lib/page-security-headers";

/** A form posted without script: Next.js runs the action it names, with no Next-Action header. */
const FORM_POST = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

export async function proxy(request: NextRequest) {
  const isAction = request.headers.has("next-action") || FORM_POST.test(request.headers.get("content-type") ?? "");
  if (request.method === "POST" && isAction) {
    const refusal = await refuseActionRequest(request, env.RP_ORIGINS);
    if (refusal) return failureResponse(refusal);
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
// (docs/performance.md). Server actions are matched by their header or, posted without script, by their form content
// type (Next.js compares it case-sensitively too), wherever they are posted; the signed-in areas
// for their redirect; and every HTML page for its CSP nonce (decision 015: the price of a strict CSP). Skipped: static
// files (/_next/, the icon), route handlers (/api/, /fido/ and the wizard's /troubleshoot/checks: JSON, no scripts to
// vouch for), and RSC requests (client navigations and prefetches, which load no HTML; the signed-in areas still match
// above).
export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/:path*",
      has: [
        { type: "header", key: "content-type", value: "(multipart/form-data|application/x-www-form-urlencoded).*" },
      ],
    },
    "/account/:path*",
    "/wallet/:path*",
    { source: "/((?!_next/|api/|fido/|icon\\.svg|troubleshoot/checks$).*)", missing: [{ type: "header", key: "rsc" }] },
  ],
};
