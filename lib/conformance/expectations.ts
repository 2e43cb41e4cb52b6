// What the Conformance Test API promises, as checks that say expected vs received when they fail.
import type { Answer } from "./fido-client";

export class CaseFailed extends Error {
  constructor(
    message: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(message);
  }
}

export class CaseSkipped extends Error {}

export type JsonBody = Record<string, unknown>;

export function describeAnswer(answer: Answer): string {
  const body = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  return `HTTP ${answer.status} ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`;
}

const bodyOf = (answer: Answer): JsonBody =>
  typeof answer.body === "object" && answer.body !== null && !Array.isArray(answer.body) ? (answer.body as JsonBody) : {};

export const isOk = (answer: Answer) => answer.status === 200 && bodyOf(answer).status === "ok" && bodyOf(answer).errorMessage === "";

/** HTTP 200 {"status":"ok","errorMessage":""}; returns the body. */
export function expectOk(answer: Answer, step: string): JsonBody {
  if (!isOk(answer)) throw new CaseFailed(`${step}: the server did not accept it`, 'HTTP 200 {"status":"ok","errorMessage":""}', describeAnswer(answer));
  return bodyOf(answer);
}

/** HTTP 4xx {"status":"failed","errorMessage":"<not empty>"}: refused, with a reason, and no server error. */
export function expectFailure(answer: Answer, step: string, status?: number): void {
  const body = bodyOf(answer);
  const statusOk = status === undefined ? answer.status >= 400 && answer.status < 500 : answer.status === status;
  const refused = statusOk && body.status === "failed" && typeof body.errorMessage === "string" && body.errorMessage.length > 0;
  if (!refused) {
    const wanted = `HTTP ${status ?? "4xx"} {"status":"failed","errorMessage":"<why>"}`;
    throw new CaseFailed(`${step}: the server should have refused it`, wanted, describeAnswer(answer));
  }
}

/** For optional FIDO cases: a refused valid response means "not supported here", which is a skip with the reason. */
export function expectOkUnlessOptional(answer: Answer, step: string, optional: boolean | undefined): JsonBody {
  if (optional && !isOk(answer)) throw new CaseSkipped(`optional, and the target does not support it: ${describeAnswer(answer)}`);
  return expectOk(answer, step);
}

export function check(condition: boolean, message: string, expected: string, received: unknown): asserts condition {
  if (!condition) throw new CaseFailed(message, expected, typeof received === "string" ? received : JSON.stringify(received));
}
