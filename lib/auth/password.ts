import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum (m=19 MiB, t=2, p=1), which are also the library's defaults; pinned so a library
// upgrade cannot weaken them silently.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

// Verifying against this when there is no account (or no password) costs the same time as a real check, so
// response timing does not tell whether an email is registered (security bar E41).
const dummyHash = hash("passkey-lab-dummy-password", ARGON2ID);

/** Constant-work check: always runs one argon2 verification, whether or not there is a hash to check against. */
export async function checkPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await dummyHash, password);
    return false;
  }
  return verify(storedHash, password);
}
