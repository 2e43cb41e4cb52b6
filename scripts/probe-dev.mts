import { runProbeCli } from "../packages/passkey-test/src/probe/cli.ts";
process.exit(await runProbeCli(process.argv.slice(2)));
