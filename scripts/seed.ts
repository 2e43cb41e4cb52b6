// Migrates the database and makes sure the demo account exists: password + TOTP on, ready for a first passkey.
// Prints how to sign in. Run with `npm run seed` (also part of `npm run demo`).
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

async function ensureDemoAccount() {
  const user = (await findUserByEmail(DEMO_EMAIL)) ?? (await createUser(DEMO_EMAIL, DEMO_PASSWORD));
  if (!user) throw new Error("could not create the demo account");
  const factor = await db.query.totpFactors.findFirst({ where: eq(totpFactors.userId, user.id) });
  if (!factor?.enabledAt) {
    const setup = await startTotpSetup(user.id, user.email);
    if (setup === "already-enabled") throw new Error("unexpected TOTP state");
    const secret = setup.manualKey.replace(/ /g, "");
    const code = new TOTP({ secret }).generate();
    if (!(await confirmTotpSetup(user.id, code))) {
      throw new Error("could not turn on TOTP for the demo account");
    }
  }
  const sealed = (await db.query.totpFactors.findFirst({ where: eq(totpFactors.userId, user.id) }))!.secretEncrypted;
  return { email: user.email, secret: open(sealed) };
}

export const SUPPORT_EMAIL = "support@passkey-lab.test";
export const SUPPORT_PASSWORD = "support staff password";

async function ensureSupportAccount() {
  if (await findUserByEmail(SUPPORT_EMAIL)) return;
  const user = await createUser(SUPPORT_EMAIL, SUPPORT_PASSWORD, "support");
  if (!user) throw new Error("could not create the support account");
}

await migrateDatabase();
const demo = await ensureDemoAccount();
await ensureSupportAccount();
const origin = env.RP_ORIGINS[0];
console.log(`
Passkey Lab demo account (database ${env.DATABASE_URL})
  sign in at  ${origin}/sign-in
  email       ${demo.email}
  password    ${DEMO_PASSWORD}
  TOTP key    ${demo.secret}   (add it to an authenticator app: issuer ${env.RP_NAME})
  TOTP URI    ${new TOTP({ issuer: env.RP_NAME, label: demo.email, secret: demo.secret }).toString()}
Support console (${origin}/support): ${SUPPORT_EMAIL} / ${SUPPORT_PASSWORD}
Or create your own account at ${origin}/sign-up.
`);
