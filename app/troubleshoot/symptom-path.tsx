"use client";

import { useRef, useState } from "react";
import type { EnvironmentSnapshot } from "@/lib/compat/snapshot";
import type { Platform } from "@/lib/compat/platform-types";
import { fillInText } from "@/lib/i18n/fill-in";
import { reachServer } from "@/lib/browser/server-unreachable";
import type { Answers, Question } from "@/lib/troubleshoot/symptoms";
import { symptomStepsAction } from "./actions";

/** What the report keeps of the path: ids only, put into words when the report is read. */
export type SymptomChoice = { id: string; answers: Answers };

/** The paths, their questions and the headings, in the page's language; the steps come from symptomStepsAction. */
export type SymptomPathText = {
  legend: string;
  symptoms: { id: string; title: string; questions: Question[] }[];
  /** With the slots {browser} and {os}. */
  stepsFor: string;
  stepsLabel: string;
};

/** The person picks what they see; only the questions the checks could not answer are asked. */
export function SymptomPath({
  platform,
  snapshot,
  onChange,
  text,
}: {
  platform: Platform;
  snapshot: EnvironmentSnapshot;
  onChange: (symptom: SymptomChoice | undefined) => void;
  text: SymptomPathText;
}) {
  const [symptomId, setSymptomId] = useState("");
  const [answers, setAnswers] = useState<Answers>({});
  const [steps, setSteps] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  // Only the latest choice's steps are shown, whatever order the answers come back in.
  const latest = useRef(0);
  const questions = text.symptoms.find((symptom) => symptom.id === symptomId)?.questions ?? [];

  async function update(nextId: string, nextAnswers: Answers) {
    setSymptomId(nextId);
    setAnswers(nextAnswers);
    setSteps([]);
    setFailure(null);
    const nextQuestions = text.symptoms.find((symptom) => symptom.id === nextId)?.questions ?? [];
    if (!nextQuestions.every((question) => nextAnswers[question.id])) return onChange(undefined);
    onChange({ id: nextId, answers: nextAnswers });
    const request = ++latest.current;
    const answer = await reachServer(symptomStepsAction({ snapshot, id: nextId, answers: nextAnswers }));
    if (request !== latest.current) return;
    if (answer.ok) setSteps(answer.data);
    else setFailure(answer.message);
  }

  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{text.legend}</legend>
        {text.symptoms.map((symptom) => (
          <label key={symptom.id} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="symptom"
              value={symptom.id}
              checked={symptomId === symptom.id}
              onChange={() => void update(symptom.id, {})}
            />
            {symptom.title}
          </label>
        ))}
      </fieldset>
      {questions.map((question) => (
        <fieldset key={question.id} className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{question.text}</legend>
          {question.options.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`question-${question.id}`}
                value={option.value}
                checked={answers[question.id] === option.value}
                onChange={() => void update(symptomId, { ...answers, [question.id]: option.value })}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      ))}
      {failure && <p className="text-sm text-red-800">{failure}</p>}
      {steps.length > 0 && (
        <div aria-live="polite" className="rounded-md bg-brand-50 p-4">
          <h3 className="text-sm font-semibold">
            {fillInText(text.stepsFor, { browser: platform.browser.label, os: platform.os.label })}
          </h3>
          <ol aria-label={text.stepsLabel} className="mt-2 list-decimal space-y-1 ps-5 text-sm">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
