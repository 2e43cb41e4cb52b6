import "server-only";

/** The driver's own words (e.g. SQLITE_READONLY) sit in the cause of Drizzle's "Failed query" error. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error as Error).message;
}

/** Server start: configuration and migrations first; a wrong setting stops the process with a message naming it. */
export async function prepareServer(): Promise<void> {
  try {
    const { migrateDatabase } = await import("./db/migrate");
    await migrateDatabase();
  } catch (error) {
    console.error(`Passkey Lab cannot start. ${describe(error)}`);
    process.exit(1);
  }
  // Housekeeping only: a database that cannot be written now (full or read-only disk) must not keep the server from
  // answering; each request then fails closed on its own (security bar G58).
  try {
    const { deleteExpiredChallenges } = await import("./webauthn/challenges");
    await deleteExpiredChallenges();
    const { deleteStaleBuckets } = await import("./auth/rate-limit");
    await deleteStaleBuckets();
    const { deleteExpiredSignUpRequests } = await import("./auth/sign-up");
    await deleteExpiredSignUpRequests();
    const { deleteOldOutboxMail } = await import("./mail/outbox");
    await deleteOldOutboxMail();
  } catch (error) {
    console.warn(`Passkey Lab: could not delete expired challenges at start-up (${describe(error)}).`);
  }
}
