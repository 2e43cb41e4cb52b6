// `passkey-lab <subcommand> [...]`: the kit's one command. Each subcommand parses its own flags and answers its exit
// code; a usage error here (no or an unknown subcommand) is 2, like theirs.
import { runConformanceCli } from "@/lib/conformance/cli";
import { runProbeCli } from "./probe/cli";

const SUBCOMMANDS: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  probe: { summary: "run the probes of passkey-lab.config.ts through your site's real pages", run: runProbeCli },
  conformance: {
    summary: "run the FIDO2 conformance suite against a server's conformance API (--target URL)",
    run: (args) => runConformanceCli(args, "passkey-lab conformance"),
  },
};

const USAGE = `Usage: passkey-lab <subcommand> [options]

Subcommands:
${Object.entries(SUBCOMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(13)} ${summary}`)
  .join("\n")}

Run \`passkey-lab <subcommand> --help\` for its options.`;

async function main([subcommand, ...rest]: string[]): Promise<number> {
  if (subcommand === "--help" || subcommand === "-h" || subcommand === "help") {
    console.log(USAGE);
    return 0;
  }
  const chosen =
    subcommand !== undefined && Object.hasOwn(SUBCOMMANDS, subcommand) ? SUBCOMMANDS[subcommand] : undefined;
  if (!chosen) {
    console.error(
      `${subcommand === undefined ? "No subcommand given" : `Unknown subcommand "${subcommand}"`}\n\n${USAGE}`,
    );
    return 2;
  }
  return chosen.run(rest);
}

// Exit with the code even while sockets or timers of the run are still open: a CI step must not hang on them.
process.exit(await main(process.argv.slice(2)));
