// A JSON POST to one of the portal's route handlers, from the browser: the answer's data, or the person-readable
// failure (the route's own message and code, or SERVER_UNREACHABLE when the request itself failed).

/** For the developer pages, which stay English (decision 027); portal pages say it in their language (reachServer). */
export const SERVER_UNREACHABLE = "Could not reach Passkey Lab. Check your connection and try again.";

export type PostAnswer<T> = { ok: true; data: T } | { ok: false; message: string };

export async function postJson<T>(path: string, body: unknown): Promise<PostAnswer<T>> {
  try {
    const answer = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = await answer.json().catch(() => null);
    if (answer.ok && json) return { ok: true, data: json as T };
    const failure = json as { code?: string; message?: string } | null;
    return {
      ok: false,
      message: failure?.message
        ? `${failure.message}${failure.code ? ` (${failure.code})` : ""}`
        : `The server answered HTTP ${answer.status}.`,
    };
  } catch {
    return { ok: false, message: SERVER_UNREACHABLE };
  }
}
