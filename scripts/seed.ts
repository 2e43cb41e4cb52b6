// Migrates the database and makes sure the demo account and the support account exist: password + TOTP on, ready
// for a first passkey (which the support console also needs). Prints how to sign in. Run with `npm run seed` (also part of `npm run demo`).
import { eq } from "drizzle-orm";
import { TOTP } from "otpauth";
import { db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { totpFactors } from "@/lib/db/schema";
import { open } from "@/lib/crypto/secret-box";
import { confirmTotpSetup, startTotpSetup } from "@/lib/auth/totp";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { env } from "@/lib/env";

export const DEMO_EMAIL = "demo@passkey-lab.test";
export const DEMO_PASSWORD = "correct horse battery staple";

async function ensureAccountWithTotp(email: string, password: string, role: "user" | "support") {
  const user = (await findUserByEmail(email)) ?? (await createUser(email, password, role));
  if (!user) throw new Error(`could not create ${email}`);
  const factor = await db.query.totpFactors.findFirst({ where: eq(totpFactors.userId, user.id) });
  if (!factor?.enabledAt) {
    const setup = await startTotpSetup(user.id, user.email);
    if (setup === "already-enabled") throw new Error("unexpected TOTP state");
    const secret = setup.manualKey.replace(/ /g, "");
    const code = new TOTP({ secret }).generate();
    if (!(await confirmTotpSetup(user.id, code))) {
      throw new Error(`could not turn on TOTP for ${email}`);
    }
  }
  const sealed = (await db.query.totpFactors.findFirst({ where: eq(totpFactors.userId, user.id) }))!.secretEncrypted;
  return { email: user.email, secret: open(sealed) };
}

export const SUPPORT_EMAIL = "support@passkey-lab.test";
export const SUPPORT_PASSWORD = "support staff password";

const totpUri = (account: { email: string; secret: string }) =>
  new TOTP({ issuer: env.RP_NAME, label: account.email, secret: account.secret }).toString();

await migrateDatabase();
const demo = await ensureAccountWithTotp(DEMO_EMAIL, DEMO_PASSWORD, "user");
const support = await ensureAccountWithTotp(SUPPORT_EMAIL, SUPPORT_PASSWORD, "support");
const origin = env.RP_ORIGINS[0];
console.log(`
Passkey Lab demo account (database ${env.DATABASE_URL})
  sign in at  ${origin}/sign-in
  email       ${demo.email}
  password    ${DEMO_PASSWORD}
  TOTP key    ${demo.secret}   (add it to an authenticator app: issuer ${env.RP_NAME})
  TOTP URI    ${totpUri(demo)}
Support console at ${origin}/support (two-factor, a passkey and a passkey check each visit; a password is not enough)
  email       ${support.email}
  password    ${SUPPORT_PASSWORD}
  TOTP key    ${support.secret}
  TOTP URI    ${totpUri(support)}
  then        sign in, add a passkey at ${origin}/account, and open the console with it at ${origin}/support
Or create your own account at ${origin}/sign-up.
`);
