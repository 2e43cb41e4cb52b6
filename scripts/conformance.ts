// `npm run conformance -- --target URL [options]`: the conformance CLI (lib/conformance/cli.ts; --help lists the
// flags). `passkey-lab conformance` in packages/passkey-test runs the same function.
import { runConformanceCli } from "@/lib/conformance/cli";

process.exit(await runConformanceCli(process.argv.slice(2)));
