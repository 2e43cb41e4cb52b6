// A negative case's refusal counts only where its positive twin (the same ceremony without the mutation) is accepted:
// a target that refuses the ceremony anyway would "pass" every negative case for the wrong reason (FIDO
// conformance-test-tools-resources#390, #473). docs/decisions/016-conformance-outcomes.md.
import { collectDeviations } from "./case-deviations";
import { CaseFailed, CaseInconclusive, describeAnswer, expectFailure, TargetBroke } from "./expectations";
import type { Answer } from "./fido-client";
import { readAnswer } from "./read-answer";
import type { CaseContext, TwinResult } from "./types";

/** Runs a twin in a context of its own: its odd shapes are not the case's deviations. */
export async function readTwin(context: CaseContext, run: (context: CaseContext) => Promise<Answer>): Promise<TwinResult> {
  let answer: Answer | undefined;
  const { error } = await collectDeviations(async () => {
    answer = await run(context);
  });
  if (error instanceof TargetBroke) return { reading: "broken", detail: error.received };
  if (error instanceof CaseFailed) return { reading: "refused", detail: `${error.message}: ${error.received}` };
  if (error || !answer) return { reading: "broken", detail: String((error as Error)?.message ?? error) };
  const reading = readAnswer(answer);
  return { reading: reading === "accepted" ? "accepted" : reading === "refused" ? "refused" : "broken", detail: describeAnswer(answer) };
}

const inconclusive = (what: string, twin: TwinResult) =>
  new CaseInconclusive(`${what}, but the same ceremony without the mutation was refused too (${twin.detail})`);

/**
 * `attempt` does the case's setup and sends the mutated request; its answer must be a refusal. Where the twin was
 * refused, a refusal (or a setup the target refused) is inconclusive rather than a pass or a fail.
 */
export async function expectRefusedAgainstTwin(
  context: CaseContext,
  twinKey: string,
  twin: (context: CaseContext) => Promise<Answer>,
  step: string,
  attempt: () => Promise<Answer>,
): Promise<void> {
  const twinResult = await context.twin(twinKey, twin);
  let answer: Answer;
  try {
    answer = await attempt();
  } catch (error) {
    if (error instanceof CaseFailed && twinResult.reading === "refused") throw inconclusive(error.message, twinResult);
    throw error;
  }
  expectFailure(answer, step);
  if (twinResult.reading === "refused") throw inconclusive(`${step}: refused`, twinResult);
}
