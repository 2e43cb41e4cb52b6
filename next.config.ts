import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Compression is the reverse proxy's job: passkeys need https, which `next start` does not serve, so a TLS proxy is
  // always in front in production. Gzip on Next's main thread cost ≈ 1.5 ms per rendered response (decision 009).
  compress: false,
  // Benchmarks build into their own folder so they never race the end-to-end build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // On every path, pages, route handlers and static files alike; each page's CSP nonce and HSTS come from proxy.ts,
  // which runs for pages only (lib/security-headers.ts, decision 015). Resolved at build time.
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
    ];
  },
  // The browser report card moved out of /conformance (which is the FIDO suite) to a name of its own; old links still work.
  async redirects() {
    return [{ source: "/conformance/client", destination: "/report-card", permanent: true }];
  },
  experimental: {
    // WebAuthn responses are small; anything bigger is refused before parsing (security bar B23).
    serverActions: { bodySizeLimit: "1mb" },
    // @simplewebauthn/browser declares no sideEffects: without this, importing one helper ships them all
    // (docs/performance.md, first-load JS).
    optimizePackageImports: ["@simplewebauthn/browser"],
  },
};

// The locale comes from a cookie or Accept-Language, not the URL (decision 027): only the request configuration. Pages
// translate on the server and hand client components their words as props, so no i18n runtime reaches the browser.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
