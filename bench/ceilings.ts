// The in-process ceiling, run by bench/run.ts as a child process on its own fresh database (DATABASE_URL, AUTH_SECRET
// and RP_ORIGINS in the environment; the plan as JSON in argv[2]): one thread verifying with a cached key and writing
// the sign-in's statements, prepared, on a fresh file with the portal's settings; and the statements lib/ runs per
// sign-in, recorded at the driver, to check that the ceiling writes what the sign-in writes.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { createAccounts, signInInProcess } from "./in-process-lib";
import { countStatements, Database, recordStatements } from "./raw-sqlite";
import type { StatementCount } from "./raw-sqlite";
import type { Rate } from "./verify-rates";
import { SIGN_IN_WRITES, signInCeiling } from "./write-rates";

export type CeilingResults = {
  /** Verification with a cached key and all five writes of a sign-in, on a fresh copy of the schema. */
  signIn: Rate;
  /** ceilingStatementsNotInLib: statements of bench/write-rates.ts that lib/ did not run verbatim (should be empty). */
  statements: { signIn: StatementCount; ceilingStatementsNotInLib: string[] };
};

export type CeilingPlan = {
  out: string;
  /** Where to leave a fresh, empty copy of the migrated schema. */
  schemaCopy: string;
  rateMs: number;
};

const plan = JSON.parse(process.argv[2] ?? "{}") as CeilingPlan;
await migrateDatabase();

// Fresh files of the migrated, still empty schema for the ceiling.
const libFile = env.DATABASE_URL.slice("file:".length);
const copies = {
  ceiling: join(dirname(libFile), "ceiling.db"),
  // Kept for bench/run.ts, which measures the ceiling again right next to the 32-client level.
  schema: plan.schemaCopy,
};
const template = new Database(libFile);
for (const path of Object.values(copies)) template.exec(`VACUUM INTO '${path.replace(/'/g, "''")}'`);
template.close();

const ceiling = signInCeiling(copies.ceiling, plan.rateMs);

const [account] = await createAccounts(1);
await signInInProcess(account);
const recording = recordStatements();
await signInInProcess(account);
recording.stop();
const signInStatements = countStatements(recording.log);
// The ceiling's statements must be the ones the sign-in runs on lib/: flag any that drifted (a schema change, say).
const ceilingStatementsNotInLib = Object.entries(SIGN_IN_WRITES)
  .filter(([, sql]) => !signInStatements.statements.includes(sql))
  .map(([name]) => name);
if (ceilingStatementsNotInLib.length)
  console.error(`ceiling statements not run by lib/: ${ceilingStatementsNotInLib.join(", ")}`);

const results: CeilingResults = {
  signIn: ceiling,
  statements: { signIn: signInStatements, ceilingStatementsNotInLib },
};
writeFileSync(plan.out, JSON.stringify(results, null, 2));
process.exit(0);
