// Accounts made in this process, straight into the test file's database through lib/ (test/accounts.ts: password,
// TOTP, one passkey registered by the software authenticator). Imported dynamically, after useInThisProcess() has
// pointed lib/ at the database.
import type { SignCountMode, SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";

/** Someone with a passkey in a software authenticator; `userId` lets checks read the database. */
export type PortalAccount = { userId: string; email: string; authenticator: SoftwareAuthenticator };

/**
 * `count` accounts with one passkey each, made a few at a time (argon2 hashing dominates). "zero" counters, as synced
 * passkeys report, let one account run several ceremonies at once without a counter arriving out of order.
 */
export async function createPortalAccounts(
  count: number,
  signCountMode: SignCountMode = "increment",
): Promise<PortalAccount[]> {
  const { addPasskey, createAccount } = await import("@/test/accounts");
  const { SoftwareAuthenticator } = await import("@/lib/authenticator/software-authenticator");
  const make = async (): Promise<PortalAccount> => {
    const account = await createAccount();
    account.authenticator = new SoftwareAuthenticator({ signCountMode });
    await addPasskey(account);
    return { userId: account.user.id, email: account.user.email, authenticator: account.authenticator };
  };
  const accounts: PortalAccount[] = [];
  for (let i = 0; i < count; i += 4) {
    accounts.push(...(await Promise.all(Array.from({ length: Math.min(4, count - i) }, make))));
  }
  return accounts;
}
