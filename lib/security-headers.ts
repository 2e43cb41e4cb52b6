// The portal's security headers as data (security bar H67), in two parts:
// - STATIC_SECURITY_HEADERS need nothing from the request: next.config.ts sends them on every path, pages, route
//   handlers and static files alike (OWASP Secure Headers Project).
// - pageSecurityHeaders() carries the per-request nonce of the Content-Security-Policy, and HSTS over https: proxy.ts
//   sends them with every HTML page (decision 015).
// Pure and free of imports (no `server-only`, no env): next.config.ts loads it at build time, outside React.

export type HttpHeaders = Record<string, string>;

/** Features this portal uses; every other powerful feature is off. W3C Permissions Policy, WebAuthn L3 §5.9. */
const ALLOWED_FEATURES = ["publickey-credentials-get", "publickey-credentials-create"];
/**
 * Powerful features nothing here uses: a script that slips in (or a frame, were one ever allowed) cannot ask for them.
 * Only names Chromium knows: it warns in the console about any other (Web Bluetooth's "bluetooth", for one).
 */
const DISABLED_FEATURES = [
  "camera",
  "microphone",
  "geolocation",
  "payment",
  "usb",
  "serial",
  "hid",
  "midi",
  "display-capture",
  "accelerometer",
  "gyroscope",
  "magnetometer",
  "otp-credentials",
  "identity-credentials-get",
  "browsing-topics",
];

export const STATIC_SECURITY_HEADERS: HttpHeaders = {
  // frame-ancestors 'none' says the same to browsers that read CSP Level 2; this is for those that do not.
  "X-Frame-Options": "DENY",
  // A response is only ever what its Content-Type says: no sniffing a JSON answer or a report download into a script.
  "X-Content-Type-Options": "nosniff",
  // Not no-referrer: with it, browsers send `Origin: null` on a same-origin form post (Fetch §3.1, "serialize a request
  // origin"), which proxy.ts must refuse. This one sends only the origin to other sites, nothing over a downgrade.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": [
    ...ALLOWED_FEATURES.map((feature) => `${feature}=(self)`),
    ...DISABLED_FEATURES.map((feature) => `${feature}=()`),
  ].join(", "),
};

export type PageSecurityOptions = {
  /** Fresh for every response, unguessable (at least 128 bits: CSP Level 3 §7.1), base64. */
  nonce: string;
  /** The portal is served over https (its configured origin is https). */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval; never in production. */
  development?: boolean;
};

/**
 * A strict CSP (CSP Level 3; web.dev "Mitigate XSS with a strict CSP"): scripts run only with this response's nonce,
 * and what they load themselves ('strict-dynamic'); Next.js puts the nonce on its own scripts and styles when it finds
 * it in the request's Content-Security-Policy header. 'self' is for browsers without 'strict-dynamic', which ignore it
 * otherwise.
 */
export function contentSecurityPolicy({ nonce, https, development = false }: PageSecurityOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", `'nonce-${nonce}'`],
    // The TOTP QR code is a data: URL made on the server (lib/auth/totp.ts).
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    // No <base> at all: an injected one would redirect every relative script and form.
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    // No page of this portal may be framed by any site, same-site ones included (clickjacking: OWASP).
    ["frame-ancestors", "'none'"],
    // Only where it can work: on http://localhost it would send every request to an https port nobody serves.
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** One year, subdomains of this host included (RFC 6797 §6.1; OWASP HSTS cheat sheet); no preload: the operator's call. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** The headers that depend on the request or the deployment: the nonce's CSP, and HSTS only over https. */
export function pageSecurityHeaders(options: PageSecurityOptions): HttpHeaders {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // Browsers ignore HSTS received over http (RFC 6797 §8.1); leaving it out there keeps the header honest.
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** Everything an HTML page is sent with: the static headers and the page's own. */
export function securityHeaders(options: PageSecurityOptions): HttpHeaders {
  return { ...STATIC_SECURITY_HEADERS, ...pageSecurityHeaders(options) };
}

/** Same rule as the session cookie's `__Host-` name (lib/auth/session.ts): the first configured origin decides. */
export function servedOverHttps(origins: readonly string[]): boolean {
  return origins[0]?.startsWith("https:") ?? false;
}
