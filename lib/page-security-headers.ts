// What proxy.ts does for a page it lets through: a fresh nonce in the Content-Security-Policy of the response, and the
// same policy on the request, where Next.js finds the nonce and puts it on every script and style it renders (Next.js
// "Content Security Policy" guide). The page must render per request for that: app/layout.tsx sees to it.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { pageSecurityHeaders, servedOverHttps } from "@/lib/security-headers";

const https = servedOverHttps(env.RP_ORIGINS);
const development = env.NODE_ENV === "development";

/** 128 random bits, base64: CSP Level 3 §7.1 asks for at least that, unguessable and new for each response. */
function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function continueWithSecurityHeaders(request: NextRequest): NextResponse {
  const headers = pageSecurityHeaders({ nonce: newNonce(), https, development });
  const requestHeaders = new Headers(request.headers);
  // Overwrites whatever the client sent under this name: only our nonce reaches the render.
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
