// Where a failure leaves the server for a person — a server action's answer (lib/auth/action-guard.ts), or a page that
// shows one — it says its words (lib/result.ts wordsOf) in the request's language: the `locale` cookie, else
// Accept-Language. The code stays as it is, language-neutral; `says` has done its job and is dropped.
import "server-only";
import { getTranslations } from "next-intl/server";
import { sayIn } from "./error-words";
import { wordsOf, type Failure } from "./result";

const isFailure = (answer: unknown): answer is Failure =>
  typeof answer === "object" && answer !== null && (answer as Failure).ok === false && "code" in answer;

/** The answer as it was, or, when it is a failure, with its message in the person's language. */
export async function inTheirLanguage<T>(answer: T): Promise<T> {
  if (!isFailure(answer)) return answer;
  const { says, ...failure } = answer;
  const t = await getTranslations("errors");
  return { ...failure, message: sayIn(t, wordsOf({ code: failure.code, says })) } as T;
}
