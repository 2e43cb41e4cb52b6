import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // WebAuthn responses are small; anything bigger is refused before parsing (security bar B23).
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;
