// In-process measurements, run by bench/run.ts as a child process on its own fresh database (DATABASE_URL,
// AUTH_SECRET and RP_ORIGINS in the environment; the plan as JSON in argv[2]):
// - verification ceilings (node:crypto with a cached key; @simplewebauthn/server as lib/ calls it);
// - write ceilings (the sign-in's statements, prepared, on fresh files: portal settings, and synchronous=FULL);
// - the statements lib/ runs per sign-in and per registration, recorded at the driver;
// - sign-in and registration throughput on lib/ in this process (no HTTP, no framework).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { createAccounts, registerInProcess, signInInProcess } from "./in-process-lib";
import { runClosedLoop, type LoadResult } from "./load";
import { countStatements, Database, recordStatements } from "./raw-sqlite";
import { passkeyLookupRates } from "./read-rates";
import type { ReadRates } from "./read-rates";
import type { StatementCount } from "./raw-sqlite";
import type { WriteCeilings } from "./write-rates";
import { ecdsaVerifyRate, simpleWebAuthnVerifyRate, webCryptoKeyImportRate, type Rate } from "./verify-rates";
import { SIGN_IN_WRITES, writeCeilings } from "./write-rates";

export type CeilingResults = {
  verification: {
    ecdsaP256CachedKey: Rate;
    simpleWebAuthn1InFlight: Rate;
    simpleWebAuthn16InFlight: Rate;
    webCryptoKeyImport: Rate;
  };
  writes: { portalSettings: WriteCeilings; synchronousFull: WriteCeilings };
  /** ceilingStatementsNotInLib: statements of bench/write-rates.ts that lib/ did not run verbatim (should be empty). */
  statements: { signIn: StatementCount; registration: StatementCount; ceilingStatementsNotInLib: string[] };
  /** The sign-in's passkey lookup made three ways (bench/read-rates.ts). */
  reads: ReadRates;
  inProcess: { signIn: LoadResult[]; registration: LoadResult[] };
};

export type CeilingPlan = {
  out: string;
  /** Where to leave a fresh, empty copy of the migrated schema. */
  schemaCopy: string;
  rateMs: number;
  warmupMs: number;
  measureMs: number;
  signInLevels: number[];
  registrationLevels: number[];
};

const plan = JSON.parse(process.argv[2] ?? "{}") as CeilingPlan;
await migrateDatabase();

// Fresh files of the migrated, still empty schema for the write ceilings.
const libFile = env.DATABASE_URL.slice("file:".length);
const copies = {
  portal: join(dirname(libFile), "writes-portal.db"),
  full: join(dirname(libFile), "writes-full.db"),
  // Kept for bench/run.ts, which measures the ceiling again right next to the 32-client level.
  schema: plan.schemaCopy,
};
const template = new Database(libFile);
for (const path of Object.values(copies)) template.exec(`VACUUM INTO '${path.replace(/'/g, "''")}'`);
template.close();

const verification = {
  ecdsaP256CachedKey: ecdsaVerifyRate(plan.rateMs),
  simpleWebAuthn1InFlight: await simpleWebAuthnVerifyRate(plan.rateMs, 1),
  simpleWebAuthn16InFlight: await simpleWebAuthnVerifyRate(plan.rateMs, 16),
  webCryptoKeyImport: await webCryptoKeyImportRate(plan.rateMs),
};
const writes = {
  portalSettings: writeCeilings(copies.portal, plan.rateMs, "NORMAL"),
  synchronousFull: writeCeilings(copies.full, plan.rateMs, "FULL"),
};

const clients = Math.max(...plan.signInLevels, ...plan.registrationLevels, 1);
const accounts = await createAccounts(clients);
await signInInProcess(accounts[0]);
let recording = recordStatements();
await signInInProcess(accounts[0]);
recording.stop();
const signInStatements = countStatements(recording.log);
// The ceiling's statements must be the ones the sign-in runs on lib/: flag any that drifted (a schema change, say).
const ceilingStatementsNotInLib = Object.entries(SIGN_IN_WRITES)
  .filter(([, sql]) => !signInStatements.statements.includes(sql))
  .map(([name]) => name);
if (ceilingStatementsNotInLib.length)
  console.error(`ceiling statements not run by lib/: ${ceilingStatementsNotInLib.join(", ")}`);
recording = recordStatements();
await registerInProcess(accounts[0]);
recording.stop();
const registrationStatements = countStatements(recording.log);

const reads = await passkeyLookupRates(libFile, accounts[0].passkeyIds[0], plan.rateMs);

const signIn: LoadResult[] = [];
for (const level of plan.signInLevels) {
  signIn.push(
    await runClosedLoop({ clients: level, warmupMs: plan.warmupMs, measureMs: plan.measureMs }, (i) =>
      signInInProcess(accounts[i]).then(() => {}),
    ),
  );
}
const registration: LoadResult[] = [];
for (const level of plan.registrationLevels) {
  registration.push(
    await runClosedLoop({ clients: level, warmupMs: plan.warmupMs, measureMs: plan.measureMs }, (i) =>
      registerInProcess(accounts[i]),
    ),
  );
}

const results: CeilingResults = {
  verification,
  writes,
  statements: { signIn: signInStatements, registration: registrationStatements, ceilingStatementsNotInLib },
  reads,
  inProcess: { signIn, registration },
};
writeFileSync(plan.out, JSON.stringify(results, null, 2));
process.exit(0);
