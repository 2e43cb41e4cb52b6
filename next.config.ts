import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Benchmarks build into their own folder so they never race the end-to-end build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: {
    // WebAuthn responses are small; anything bigger is refused before parsing (security bar B23).
    serverActions: { bodySizeLimit: "1mb" },
    // @simplewebauthn/browser declares no sideEffects: without this, importing one helper ships them all
    // (docs/performance.md, first-load JS).
    optimizePackageImports: ["@simplewebauthn/browser"],
  },
};

export default nextConfig;
