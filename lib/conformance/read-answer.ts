// How the suite reads one answer of a target: did it accept, refuse, or break? The rules and their reasons are in
// docs/decisions/016-conformance-outcomes.md; the shape the API promises is checked apart (expectations.ts).
import type { Answer } from "./fido-client";

export type AnswerReading = "accepted" | "refused" | "broken";

export type JsonBody = Record<string, unknown>;

export const bodyOf = (answer: Answer): JsonBody =>
  typeof answer.body === "object" && answer.body !== null && !Array.isArray(answer.body)
    ? (answer.body as JsonBody)
    : {};

/**
 * Broken: no answer (connection lost, timeout), a 5xx, or a 2xx that is not JSON. A 4xx is a refusal whatever its
 * body, as the FIDO Alliance's tools count it; a 2xx whose `status` is anything but "ok" (SimpleWebAuthn's example
 * says `{"status": ""}`) or that carries an errorMessage is a refusal too.
 */
export function readAnswer(answer: Answer): AnswerReading {
  if (answer.status === 0 || answer.status >= 500) return "broken";
  if (answer.status >= 400) return "refused";
  if (answer.notJson) return "broken";
  const body = bodyOf(answer);
  const saysRefused =
    (typeof body.status === "string" && body.status !== "ok") ||
    (typeof body.errorMessage === "string" && body.errorMessage !== "");
  return saysRefused ? "refused" : "accepted";
}

/** Accepted in exactly the shape the API promises: HTTP 200 {"status":"ok","errorMessage":""}. */
export const isOkShape = (answer: Answer) =>
  answer.status === 200 && bodyOf(answer).status === "ok" && bodyOf(answer).errorMessage === "";

/** Why a refusal's shape is not HTTP <4xx or the wanted status> {"status":"failed","errorMessage":"<why>"}; one kind per flaw. */
export function refusalShapeFlaws(answer: Answer, wantedStatus?: number): string[] {
  const body = bodyOf(answer);
  const flaws: string[] = [];
  if (answer.status < 400) flaws.push(`refusal: HTTP ${answer.status}, not 4xx`);
  else if (wantedStatus !== undefined && answer.status !== wantedStatus)
    flaws.push(`refusal: HTTP ${answer.status}, not ${wantedStatus}`);
  if (answer.notJson) flaws.push("refusal: not JSON");
  else if (body.status !== "failed")
    flaws.push(
      `refusal: "status" is ${body.status === undefined ? "missing" : JSON.stringify(body.status)}, not "failed"`,
    );
  if (!answer.notJson && !(typeof body.errorMessage === "string" && body.errorMessage.length > 0))
    flaws.push("refusal: no errorMessage");
  return flaws;
}
