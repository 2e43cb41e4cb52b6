// What a form says when a server action's request itself failed (offline, connection dropped, server down): the
// action call then rejects ("Failed to fetch") instead of answering with a Result, so the form must catch it.

export const SERVER_UNREACHABLE = "Could not reach Passkey Lab. Check your connection and try again.";

/** `error`: what the action call threw, kept as the technical detail. */
export function describeUnreachableServer(error: unknown): { message: string; detail: string } {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { message: SERVER_UNREACHABLE, detail };
}
