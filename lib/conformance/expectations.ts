// What the Conformance Test API promises, as checks that say expected vs received when they fail.
import { noteDeviation } from "./case-deviations";
import type { Answer } from "./fido-client";
import { bodyOf, isOkShape, readAnswer, refusalShapeFlaws, type JsonBody } from "./read-answer";

export class CaseFailed extends Error {
  constructor(
    message: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(message);
  }
}

/** The target accepted what it must refuse: a wrong decision whatever else it refuses. */
export class WronglyAccepted extends CaseFailed {}

export class CaseSkipped extends Error {}

/** A negative case refused, but its positive twin was refused too: the refusal proves nothing. */
export class CaseInconclusive extends Error {}

/** The target broke (no answer, 5xx, not JSON): nothing can be said about its decision. */
export class TargetBroke extends Error {
  constructor(
    message: string,
    readonly received: string,
  ) {
    super(message);
  }
}

export type { JsonBody } from "./read-answer";

export function describeAnswer(answer: Answer): string {
  const body = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  return `HTTP ${answer.status} ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`;
}

/** Accepted, in whatever shape (a refusal in any shape is not). */
export const isOk = (answer: Answer) => readAnswer(answer) === "accepted";

function throwIfBroken(answer: Answer, step: string) {
  if (readAnswer(answer) !== "broken") return;
  const why =
    answer.status === 0 ? "no answer" : answer.status >= 500 ? "a server error" : "an answer that is not JSON";
  throw new TargetBroke(`${step}: ${why}`, describeAnswer(answer));
}

/** Accepted; a success without {"status":"ok","errorMessage":""} is noted as a deviation. Returns the body. */
export function expectOk(answer: Answer, step: string): JsonBody {
  throwIfBroken(answer, step);
  if (readAnswer(answer) === "refused")
    throw new CaseFailed(
      `${step}: the server did not accept it`,
      'HTTP 200 {"status":"ok","errorMessage":""}',
      describeAnswer(answer),
    );
  if (!isOkShape(answer))
    noteDeviation({
      kind: 'success: not HTTP 200 {"status":"ok","errorMessage":""}',
      step,
      detail: describeAnswer(answer),
    });
  return bodyOf(answer);
}

/** Refused; a refusal that is not HTTP 4xx (or `status`) {"status":"failed","errorMessage":"<why>"} is noted as a deviation. */
export function expectFailure(answer: Answer, step: string, status?: number): void {
  throwIfBroken(answer, step);
  if (readAnswer(answer) === "accepted") {
    const wanted = `HTTP ${status ?? "4xx"} {"status":"failed","errorMessage":"<why>"}`;
    throw new WronglyAccepted(`${step}: the server should have refused it`, wanted, describeAnswer(answer));
  }
  for (const kind of refusalShapeFlaws(answer, status)) noteDeviation({ kind, step, detail: describeAnswer(answer) });
}

/** For optional FIDO cases: a refused valid response means "not supported here", which is a skip with the reason. */
export function expectOkUnlessOptional(answer: Answer, step: string, optional: boolean | undefined): JsonBody {
  throwIfBroken(answer, step);
  if (optional && readAnswer(answer) === "refused")
    throw new CaseSkipped(`optional, and the target does not support it: ${describeAnswer(answer)}`);
  return expectOk(answer, step);
}

export function check(condition: boolean, message: string, expected: string, received: unknown): asserts condition {
  if (!condition)
    throw new CaseFailed(message, expected, typeof received === "string" ? received : JSON.stringify(received));
}
