// `passkey-lab probe`: placeholder until the probe runner lands (the lead is writing it).
export async function runProbeCli(args: string[]): Promise<number> {
  console.error(`passkey-lab probe is not built yet (${args.join(" ")})`);
  return 2;
}
