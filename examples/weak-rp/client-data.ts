// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// What the site reads from clientDataJSON before verifying: the challenge names the ceremony the answer is for.
type ClientData = { challenge: string; origin: string };

export function readClientData(response: unknown): ClientData {
  const encoded = (response as { response?: { clientDataJSON?: unknown } } | null)?.response?.clientDataJSON;
  if (typeof encoded !== "string") throw new Error("The answer has no clientDataJSON.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    throw new Error("clientDataJSON is not JSON.");
  }
  const { challenge, origin } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof challenge !== "string") throw new Error("clientDataJSON has no challenge.");
  return { challenge, origin: typeof origin === "string" ? origin : "" };
}
