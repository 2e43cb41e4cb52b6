// The passkey pool's accounts and a sign-in called straight on lib/, in this process (no HTTP, no framework), whose
// statements the ceiling is checked against. Needs DATABASE_URL and AUTH_SECRET in the environment before it is imported.
import { describeClient } from "@/lib/client-info";
import { createAccount, ORIGIN, type TestAccount } from "@/test/accounts";
import { signInOptionsStep, signInVerifyStep } from "./lib-sign-in";
import { BENCH_USER_AGENT } from "./portal-ceremonies";
import { nextAddress } from "./simulated-people";

const CLIENT = describeClient(BENCH_USER_AGENT);

/** Accounts with TOTP on and `passkeys` passkeys each, made through lib/ (test/accounts.ts), a few at a time. */
export async function createAccounts(count: number, passkeys = 1, inFlight = 4): Promise<TestAccount[]> {
  const accounts: TestAccount[] = [];
  for (let i = 0; i < count; i += inFlight) {
    const batch = Math.min(inFlight, count - i);
    accounts.push(...(await Promise.all(Array.from({ length: batch }, () => createAccount({ passkeys })))));
  }
  return accounts;
}

/** One usernameless sign-in on lib/, as the baseline server does it: rate limit, options, sign, verify, session token. */
export async function signInInProcess(account: TestAccount): Promise<string> {
  const started = await signInOptionsStep(nextAddress());
  if (!started.ok) throw new Error(`${started.code}: ${started.message}`);
  const response = account.authenticator.authenticate(started.data.options, ORIGIN);
  const result = await signInVerifyStep(started.data.ceremonyId, response, CLIENT);
  if (!result.ok) throw new Error(`${result.code}: ${result.detail ?? result.message}`);
  return result.data.token;
}
