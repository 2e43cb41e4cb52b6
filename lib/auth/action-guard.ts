// The start of every server action: input parsed with zod, session checked (never trusted from the caller).
import "server-only";
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

/** Runs `work` for the signed-in person, or answers `auth:session-required`. */
export async function withSession<T>(work: (session: CurrentSession, client: string) => Promise<Result<T>>): Promise<Result<T>> {
  const session = await currentSession();
  if (!session) return fail("auth:session-required", SESSION_ENDED);
  return work(session, await requestClient());
}
