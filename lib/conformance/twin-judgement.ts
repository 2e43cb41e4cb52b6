// A negative case's refusal counts only where its positive twin (the same ceremony without the mutation) is accepted:
// a target that refuses the ceremony anyway would "pass" every negative case for the wrong reason (FIDO
// conformance-test-tools-resources#390, #473). docs/decisions/016-conformance-outcomes.md.
import { collectDeviations } from "./case-deviations";
import {
  CaseFailed,
  CaseInconclusive,
  describeAnswer,
  expectFailure,
  TargetBroke,
  WronglyAccepted,
} from "./expectations";
import type { Answer } from "./fido-client";
import { readAnswer } from "./read-answer";
import type { CaseContext, TwinResult } from "./types";

/** Runs a twin in a context of its own: its odd shapes are not the case's deviations. */
export async function readTwin(
  context: CaseContext,
  run: (context: CaseContext) => Promise<Answer>,
): Promise<TwinResult> {
  let answer: Answer | undefined;
  const { error } = await collectDeviations(async () => {
    answer = await run(context);
  });
  if (error instanceof TargetBroke) return { reading: "broken", detail: error.received };
  if (error instanceof CaseFailed) return { reading: "refused", detail: `${error.message}: ${error.received}` };
  if (error || !answer) return { reading: "broken", detail: String((error as Error)?.message ?? error) };
  const reading = readAnswer(answer);
  return {
    reading: reading === "accepted" ? "accepted" : reading === "refused" ? "refused" : "broken",
    detail: describeAnswer(answer),
  };
}

/** The same ceremony without the mutation; `key` names it, so cases built on the same ceremony share one run. */
export type Twin = { key: string; run: (context: CaseContext) => Promise<Answer> };

const inconclusive = (what: string, twin: TwinResult) =>
  new CaseInconclusive(`${what}, but the same ceremony without the mutation was refused too (${twin.detail})`);

/**
 * Runs a negative case whole (its setup, the steps it wants refused and any it wants accepted). Where the twin was
 * refused, what the case learnt from a refusal proves nothing: a refusal it wanted, a setup or step the target did not
 * accept, or a check that counted acceptances, is inconclusive. Only a mutation the target accepted stays a fail.
 */
export async function judgedAgainstTwin(
  context: CaseContext,
  twin: Twin,
  negative: () => Promise<void>,
): Promise<void> {
  const twinResult = await context.twin(twin.key, twin.run);
  try {
    await negative();
  } catch (error) {
    if (error instanceof CaseFailed && !(error instanceof WronglyAccepted) && twinResult.reading === "refused")
      throw inconclusive(error.message, twinResult);
    throw error;
  }
  if (twinResult.reading === "refused") throw inconclusive("refused", twinResult);
}

/** `attempt` does the case's setup and sends the mutated request; its answer must be a refusal. */
export function expectRefusedAgainstTwin(
  context: CaseContext,
  twin: Twin,
  step: string,
  attempt: () => Promise<Answer>,
): Promise<void> {
  return judgedAgainstTwin(context, twin, async () => expectFailure(await attempt(), step));
}
