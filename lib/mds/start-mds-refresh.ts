import "server-only";
// A running server fetches the Metadata Service's BLOB at start when the stored one is missing or a day old, then once
// a day (MDS_REFRESH, on by default; off in tests). Offline, it says so once per attempt in the log and keeps the
// stored BLOB, or none: pages name whichever they use.
import { readMdsSnapshot } from "./mds-snapshot";
import { readStoredBlobInfo } from "./stored-blob";
import { updateMds } from "./update-mds";

const DAY_MS = 24 * 60 * 60 * 1000;

async function refresh(url: string): Promise<void> {
  const stored = await readStoredBlobInfo();
  if (stored && Date.now() - stored.storedAt.getTime() < DAY_MS) return;
  const result = await updateMds({ blob: { url }, fetchCrls: true });
  const using = stored ? `the stored BLOB no. ${stored.serial} (${stored.nextUpdate})` : "no BLOB";
  if (!result.ok) console.warn(`FIDO metadata not refreshed, using ${using}: ${result.message}`);
  else if (result.data.status === "stored") console.log(`FIDO metadata: stored BLOB no. ${result.data.serial}.`);
  await readMdsSnapshot();
}

export function startMdsRefresh(url: string): void {
  const run = () =>
    refresh(url).catch((error: unknown) => console.warn(`FIDO metadata not refreshed: ${(error as Error).message}`));
  void run();
  setInterval(run, DAY_MS).unref();
}
