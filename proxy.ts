// Only redirects: a visitor without a session cookie goes straight to sign-in. Every page and action still checks
// the session itself, so a request that slips past this (security bar D33) gets nothing.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";

export function proxy(request: NextRequest) {
  const hasSessionCookie = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (hasSessionCookie) return NextResponse.next();
  return NextResponse.redirect(new URL("/sign-in", request.url));
}

export const config = { matcher: ["/account/:path*", "/wallet/:path*"] };
