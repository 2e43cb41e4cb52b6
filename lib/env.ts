// The only reader of process.env. Every setting is validated once; a wrong value stops start-up with its name.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "./client-address";

const port = z.coerce.number().int().min(1).max(65535);
const onOff = z.enum(["on", "off"], { message: 'must be "on" or "off"' });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: port.default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, "must start with file:, libsql:, http(s): or ws(s):")
      .default("file:./data/passkey-lab.db"),
    DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    RP_ID: z
      .string()
      .regex(/^[a-z0-9.-]+$/, "must be a bare domain such as localhost or example.com (no scheme, port or path)")
      .refine((id) => !/^\d+(\.\d+){3}$/.test(id), "must be a domain name: WebAuthn refuses IP addresses")
      .default("localhost"),
    RP_NAME: z.string().min(1).default("Passkey Lab"),
    RP_ORIGINS: z.string().optional(),
    /**
     * Other sites' origins that may use this RP ID (WebAuthn L3 §5.11, related origin requests), served as
     * /.well-known/webauthn; comma-separated https origins. Unset: that file answers 404.
     */
    RP_RELATED_ORIGINS: z.string().optional(),
    /** The FIDO2 Server Conformance Test API under /fido: on by default except when NODE_ENV=production. */
    FIDO_CONFORMANCE_API: onOff.optional(),
    /** Trust this process's software-authenticator test CA root for conformance attestation (never in production). */
    FIDO_TRUST_TEST_CA: onOff.default("off"),
    /** Metadata statements (*.json) and root certificates (*.pem, *.crt, *.cer, *.der) the conformance API trusts. */
    FIDO_METADATA_DIR: z.string().min(1).default("./data/fido-metadata"),
    /** Where the FIDO Metadata Service BLOB is fetched from (npm run mds:update, the daily refresh). */
    MDS_URL: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .default("https://mds3.fidoalliance.org/"),
    /** Whether a running server fetches a newer BLOB, at most once a day (off in tests). */
    MDS_REFRESH: onOff.default("on"),
    /**
     * What /conformance may run the suite against: `self` (this server's /fido only), `public` (also public internet
     * addresses, never private, loopback or metadata ones) or `any`. Default: self when NODE_ENV=production, else any.
     */
    CONFORMANCE_TARGETS: z.enum(["self", "public", "any"], { message: 'must be "self", "public" or "any"' }).optional(),
    /**
     * Which sites /inspect/site may fetch well-known files from: `public` (public internet addresses only, never
     * private, loopback or metadata ones) or `any`. Default: public when NODE_ENV=production, else any.
     */
    SITE_CHECK_TARGETS: z.enum(["public", "any"], { message: 'must be "public" or "any"' }).optional(),
    /**
     * Passkey sign-in options for every caller together, per minute (security bar 60: each stores a challenge until it
     * expires). Raise it for a site with more sign-ins than that, or for a load test (bench/servers.ts).
     */
    SIGN_IN_OPTIONS_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
    /** How often expired rows (challenges, grants, rate-limit buckets, lock-outs, reports, runs) are deleted. */
    SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /**
     * The reverse proxies in front of this server, whose X-Forwarded-For entries count (lib/client-address.ts): a hop
     * count, or addresses, CIDR ranges, `loopback`, `private`. Unset: none, and the socket's address is the client.
     */
    TRUSTED_PROXIES: z.string().optional(),
    /**
     * Where mail goes out (sign-up codes and notices), e.g. smtps://user:password@smtp.example.com:465. Unset: mail
     * stays in this server's outbox (printed to the log; docs/decisions/014).
     */
    SMTP_URL: z
      .string()
      .refine(
        (url) => URL.canParse(url) && /^smtps?:$/.test(new URL(url).protocol),
        "must be an smtp:// or smtps:// URL",
      )
      .optional(),
    /** The sender of that mail: an address, or "Name <address>". Default: Passkey Lab <no-reply@RP_ID>. */
    MAIL_FROM: z
      .string()
      .regex(/^(?:[^<>@\r\n]+<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address or "Name <address>"')
      .optional(),
  })
  .transform((raw, ctx) => {
    const origins = (raw.RP_ORIGINS ?? `http://localhost:${raw.PORT}`)
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean);
    for (const origin of origins) {
      const parsed = URL.canParse(origin) ? new URL(origin) : null;
      const hostOk = parsed && (parsed.hostname === raw.RP_ID || parsed.hostname.endsWith(`.${raw.RP_ID}`));
      if (!parsed || parsed.origin !== origin || !hostOk) {
        ctx.addIssue({
          code: "custom",
          path: ["RP_ORIGINS"],
          message: `"${origin}" must be an origin (scheme://host[:port], no path) on RP_ID ${raw.RP_ID} or a subdomain`,
        });
      }
    }
    const relatedOrigins = (raw.RP_RELATED_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean);
    for (const origin of relatedOrigins) {
      const parsed = URL.canParse(origin) ? new URL(origin) : null;
      // Browsers read related origins only over https (the file is fetched from the RP ID's https origin).
      if (!parsed || parsed.origin !== origin || parsed.protocol !== "https:") {
        ctx.addIssue({
          code: "custom",
          path: ["RP_RELATED_ORIGINS"],
          message: `"${origin}" must be an https origin (https://host[:port], no path)`,
        });
      }
    }
    const fidoConformanceApi = raw.FIDO_CONFORMANCE_API ?? (raw.NODE_ENV === "production" ? "off" : "on");
    const conformanceTargets = raw.CONFORMANCE_TARGETS ?? (raw.NODE_ENV === "production" ? "self" : "any");
    const siteCheckTargets = raw.SITE_CHECK_TARGETS ?? (raw.NODE_ENV === "production" ? "public" : "any");
    let trustedProxies: TrustedProxies = { kind: "none" };
    try {
      trustedProxies = parseTrustedProxies(raw.TRUSTED_PROXIES);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: (error as Error).message });
    }
    const mailFrom = raw.MAIL_FROM ?? `${raw.RP_NAME} <no-reply@${raw.RP_ID}>`;
    return {
      ...raw,
      RP_ORIGINS: origins,
      RP_RELATED_ORIGINS: relatedOrigins,
      FIDO_CONFORMANCE_API: fidoConformanceApi,
      CONFORMANCE_TARGETS: conformanceTargets,
      SITE_CHECK_TARGETS: siteCheckTargets,
      TRUSTED_PROXIES: trustedProxies,
      MAIL_FROM: mailFrom,
    };
  });

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string };

/** Reads the AUTH_SECRET kept beside a local database, creating it once (mode 0600) when absent. */
function localAuthSecret(databaseUrl: string): string {
  const file = databaseUrl.startsWith("file:")
    ? resolve(dirname(databaseUrl.slice("file:".length)), "auth-secret")
    : resolve("data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    // Another instance starting at the same moment wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}

function loadEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return { ...env, AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(env.DATABASE_URL) };
}

export const env: Env = loadEnv();
