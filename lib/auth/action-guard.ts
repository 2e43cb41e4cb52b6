// The start of every server action: input parsed with zod, session checked (never trusted from the caller), any
// unexpected failure answered as data instead of a 500, and every failure said in the person's language.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isErrorMessageKey } from "@/lib/error-words";
import { inTheirLanguage } from "@/lib/in-their-language";
import { requestClient } from "@/lib/request-client";
import { fail, type Failure, type Result } from "@/lib/result";
import { currentSession, type CurrentSession } from "./session";

/**
 * A schema's own message for a person is a key of messages `errors` (`z.string().min(1, "input.enter-code")`), with
 * zod's bounds as its values ("Use at least {minimum} characters."); any other issue gets `input:invalid`'s words.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | Failure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const { minimum = 0, maximum = 0 } = (issue ?? {}) as { minimum?: number | bigint; maximum?: number | bigint };
  const bounds = { minimum: Number(minimum), maximum: Number(maximum) };
  const says = isErrorMessageKey(issue?.message) ? { key: issue.message, values: bounds } : undefined;
  const failure = fail("input:invalid", says, parsed.error.message);
  // zod's own English stays for developers' pages (the report card); a person reads input:invalid's words instead.
  return says || !issue ? failure : { ...failure, message: issue.message };
}

/** Who reads an action's failures: a person, in their language; a developer page (the report card), its English. */
type Reader = "person" | "developer";

/**
 * Runs an action's work; an unexpected failure (a database that cannot be written, a bug) becomes
 * `server:unavailable`. Transactions roll back, so nothing half-done stays behind. Next.js control flow (redirect,
 * notFound) passes through. Only the error's name and code are logged: messages can carry query parameters.
 */
export async function answerSafely<T>(work: () => Promise<T>, reader: Reader = "person"): Promise<T | Failure> {
  const answer = await settle(work);
  return reader === "person" ? inTheirLanguage(answer) : answer;
}

async function settle<T>(work: () => Promise<T>): Promise<T | Failure> {
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
    return fail("server:unavailable", "server.nothing-changed");
  }
}

/** Runs `work` for the signed-in person, or answers `auth:session-required`. */
export async function withSession<T>(
  work: (session: CurrentSession, client: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  return answerSafely(async () => {
    const session = await currentSession();
    if (!session) return fail("auth:session-required", "auth.session-ended");
    return work(session, await requestClient());
  });
}
