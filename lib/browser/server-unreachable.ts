// When a server action's request itself fails (offline, connection dropped, server down), the call rejects
// ("Failed to fetch") instead of answering with a Result. `reachServer` turns that into a Failure like any other, so a
// form shows it where it shows every refusal and its button comes back.
import type { Result } from "@/lib/result";

/** English, for developer pages and wherever the page did not say it (the layout does: SERVER_UNREACHABLE_META). */
export const SERVER_UNREACHABLE = "Could not reach Passkey Lab. Check your connection and try again.";

/**
 * The layout puts the sentence in the page's language in a <meta> of this name (app/layout.tsx): the browser says it
 * with no server to ask, and every form that calls reachServer gets it without a text prop of its own.
 */
export const SERVER_UNREACHABLE_META = "passkey-lab:server-unreachable";

function serverUnreachable(): string {
  if (typeof document === "undefined") return SERVER_UNREACHABLE;
  return (
    document.querySelector<HTMLMetaElement>(`meta[name="${SERVER_UNREACHABLE_META}"]`)?.content || SERVER_UNREACHABLE
  );
}

export async function reachServer<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, code: "server:unreachable", message: serverUnreachable(), detail };
  }
}
