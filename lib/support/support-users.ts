// Support staff are ordinary accounts with role "support", made from the command line only.
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { createUser, findUserByEmail } from "@/lib/auth/users";

/** Creates a support account with a generated password, or gives an existing account the support role. */
export async function addSupportUser(email: string): Promise<{ email: string; password: string | null }> {
  const existing = await findUserByEmail(email);
  if (existing) {
    await db.update(users).set({ role: "support" }).where(eq(users.id, existing.id));
    return { email: existing.email, password: null };
  }
  const password = newToken(18);
  const user = await createUser(email, password, "support");
  if (!user) throw new Error(`could not create ${email}`);
  return { email: user.email, password };
}
