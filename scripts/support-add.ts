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
console.log(password ? `Support account ${email} created. Password: ${password}` : `${email} now has the support role.`);
