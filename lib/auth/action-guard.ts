// The start of every server action: input parsed with zod, session checked (never trusted from the caller), and any
// unexpected failure answered as data instead of a 500.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requestClient } from "@/lib/request-client";
import { fail, type Failure, type Result } from "@/lib/result";
import { currentSession, type CurrentSession } from "./session";

export const SESSION_ENDED = "Your session has ended. Please sign in again.";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | Failure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return fail("input:invalid", parsed.error.issues[0]?.message ?? "That input isn't valid.", parsed.error.message);
}

/**
 * Runs an action's work; an unexpected failure (a database that cannot be written, a bug) becomes
 * `server:unavailable`. Transactions roll back, so nothing half-done stays behind. Next.js control flow (redirect,
 * notFound) passes through. Only the error's name and code are logged: messages can carry query parameters.
 */
export async function answerSafely<T>(work: () => Promise<T>): Promise<T | Failure> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    const cause = (error as { cause?: { code?: unknown } }).cause;
    console.error(
      "[action] unexpected failure:",
      (error as Error).name,
      String(cause?.code ?? (error as { code?: unknown }).code ?? ""),
    );
    return fail(
      "server:unavailable",
      "We couldn't finish this just now. Nothing was changed: please try again in a moment.",
    );
  }
}

/** Runs `work` for the signed-in person, or answers `auth:session-required`. */
export async function withSession<T>(
  work: (session: CurrentSession, client: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  return answerSafely(async () => {
    const session = await currentSession();
    if (!session) return fail("auth:session-required", SESSION_ENDED);
    return work(session, await requestClient());
  });
}
