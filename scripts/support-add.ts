// npm run support:add -- someone@example.com — creates a support account (printing its password) or promotes one.
import { migrateDatabase } from "@/lib/db/migrate";
import { addSupportUser } from "@/lib/support/support-users";

const email = process.argv[2];
if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
  console.error("Usage: npm run support:add -- someone@example.com");
  process.exit(2);
}
await migrateDatabase();
const { password } = await addSupportUser(email);
console.log(
  password ? `Support account ${email} created. Password: ${password}` : `${email} now has the support role.`,
);
// The console opens only with two-factor, a passkey and a fresh passkey check (lib/support/console-access.ts).
console.log(`Before the support console opens, ${email} must:
  1. sign in and turn on two-factor authentication at /account/two-factor,
  2. add a passkey at /account,
  3. at /support, confirm with that passkey (the console then stays open for 15 minutes in that session).`);
