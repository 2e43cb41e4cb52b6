// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// Starts the weak site: `npx tsx examples/weak-rp/main.ts [port]` (or PORT=…); prints its URL.
import { startWeakRp } from "./server";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3210);
const site = await startWeakRp(port);
console.log(`Weak RP (UNSAFE, for passkey-lab tests only) on ${site.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void site.close().then(() => process.exit(0)));
