// When a server action's request itself fails (offline, connection dropped, server down), the call rejects
// ("Failed to fetch") instead of answering with a Result. `reachServer` turns that into a Failure like any other, so a
// form shows it where it shows every refusal and its button comes back.
import type { Result } from "@/lib/result";

/**
 * The layout puts the sentence in the page's language in a <meta> of this name (app/layout.tsx): the browser says it
 * with no server to ask, and every form that calls reachServer gets it without a text prop of its own.
 */
export const SERVER_UNREACHABLE_META = "passkey-lab:server-unreachable";

/** The layout's sentence (every page has it); a request fails only in the browser, where the document is. */
function serverUnreachable(): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${SERVER_UNREACHABLE_META}"]`)?.content;
}

export async function reachServer<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, code: "server:unreachable", message: serverUnreachable() ?? detail, detail };
  }
}
