import "server-only";

/** The driver's own words (e.g. SQLITE_READONLY) sit in the cause of Drizzle's "Failed query" error. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error as Error).message;
}

/** Server start: configuration and migrations first; a wrong setting stops the process with a message naming it. */
export async function prepareServer(): Promise<void> {
  try {
    // A bare `next start` cannot tell clients apart: per-client limits would then be one limit for everyone, and one
    // stranger's wrong passwords would stop every sign-in (decision 010).
    const { env } = await import("./env");
    const { knowsClientSockets } = await import("./request-client");
    if (env.NODE_ENV === "production" && !knowsClientSockets())
      throw new Error("Run it with `npm start` (server.mjs), not `next start`, so each client's address is known.");
    const { migrateDatabase } = await import("./db/migrate");
    await migrateDatabase();
  } catch (error) {
    console.error(`Passkey Lab cannot start. ${describe(error)}`);
    process.exit(1);
  }
  const { env } = await import("./env");
  // Housekeeping only: a database that cannot be written now (full or read-only disk) must not keep the server from
  // answering; each request then fails closed on its own (security bar G58).
  const { startSweeper } = await import("./housekeeping/start-sweeper");
  startSweeper(env.SWEEP_INTERVAL_SECONDS * 1000);
  // The FIDO metadata the trust store reads synchronously: loaded once now, then by every page that shows it.
  const { readMdsSnapshot } = await import("./mds/mds-snapshot");
  await readMdsSnapshot().catch((error: unknown) =>
    console.warn(`FIDO metadata not loaded: ${(error as Error).message}`),
  );
  if (env.MDS_REFRESH === "on") {
    const { startMdsRefresh } = await import("./mds/start-mds-refresh");
    startMdsRefresh(env.MDS_URL);
  }
}
