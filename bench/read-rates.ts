// What one lookup costs by the way it is made: Drizzle's relational query as lib/ writes it (built and prepared anew
// each time by Drizzle and @libsql/client), the same query prepared once with Drizzle, and a statement prepared once
// on the raw binding. The lookup is the sign-in's passkey read by credential id. Runs in bench/ceilings.ts.
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys } from "@/lib/db/schema";
import { Database } from "./raw-sqlite";
import { asyncRateOf, rateOf, type Rate } from "./verify-rates";

export type ReadRates = { drizzleAsInLib: Rate; drizzlePrepared: Rate; rawPrepared: Rate };

export async function passkeyLookupRates(databaseFile: string, credentialId: string, ms: number): Promise<ReadRates> {
  const asInLib = async () => {
    if (!(await db.query.passkeys.findFirst({ where: eq(passkeys.id, credentialId) })))
      throw new Error("passkey not found");
  };
  const prepared = db.query.passkeys.findFirst({ where: eq(passkeys.id, sql.placeholder("id")) }).prepare();
  const viaPrepared = async () => {
    if (!(await prepared.execute({ id: credentialId }))) throw new Error("passkey not found");
  };
  const raw = new Database(databaseFile, { timeout: 5_000 });
  try {
    const statement = raw.prepare(`select * from "passkeys" where "id" = ?`);
    return {
      drizzleAsInLib: await asyncRateOf(asInLib, ms, 1),
      drizzlePrepared: await asyncRateOf(viaPrepared, ms, 1),
      rawPrepared: rateOf(() => {
        if (!statement.get(credentialId)) throw new Error("passkey not found");
      }, ms),
    };
  } finally {
    raw.close();
  }
}
