import "server-only";

/** Server start: configuration and migrations first; a wrong setting stops the process with a message naming it. */
export async function prepareServer(): Promise<void> {
  try {
    const { migrateDatabase } = await import("./db/migrate");
    await migrateDatabase();
    const { deleteExpiredChallenges } = await import("./webauthn/challenges");
    await deleteExpiredChallenges();
  } catch (error) {
    console.error(`Passkey Lab cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
}
