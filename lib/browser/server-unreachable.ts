// When a server action's request itself fails (offline, connection dropped, server down), the call rejects
// ("Failed to fetch") instead of answering with a Result. `reachServer` turns that into a Failure like any other, so a
// form shows it where it shows every refusal and its button comes back.
import type { Result } from "@/lib/result";

export const SERVER_UNREACHABLE = "Could not reach Passkey Lab. Check your connection and try again.";

export async function reachServer<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, code: "server:unreachable", message: SERVER_UNREACHABLE, detail };
  }
}
