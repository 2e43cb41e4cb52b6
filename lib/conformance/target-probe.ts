// After a case found the target broken, is it still there? One cheap request to its creation options endpoint, the
// first call of every ceremony: any answer below 500 means someone is answering.
import { FidoClient } from "./fido-client";

const PROBE_TIMEOUT_MS = 5_000;

export async function targetAnswers(
  target: string,
  fetchImpl: typeof fetch,
  username: string,
  timeoutMs: number,
): Promise<boolean> {
  const client = new FidoClient(target, fetchImpl, Math.min(timeoutMs, PROBE_TIMEOUT_MS));
  const answer = await client.post("/attestation/options", { username, displayName: username, attestation: "none" });
  return answer.status > 0 && answer.status < 500;
}
