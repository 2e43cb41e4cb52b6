"use client";

import { useState } from "react";
import type { Finding } from "@/lib/compat/finding";
import type { Platform } from "@/lib/compat/platform-types";
import type { ReportContent } from "@/lib/troubleshoot/report-content";
import { symptomList, symptomQuestions, symptomSteps, symptomTitle, type Answers } from "@/lib/troubleshoot/symptoms";

type Symptom = NonNullable<ReportContent["symptom"]>;

/** The person picks what they see; only the questions the checks could not answer are asked. */
export function SymptomPath({
  platform,
  findings,
  onChange,
}: {
  platform: Platform;
  findings: Finding[];
  onChange: (symptom: Symptom | undefined) => void;
}) {
  const [symptomId, setSymptomId] = useState("");
  const [answers, setAnswers] = useState<Answers>({});
  const questions = symptomId ? symptomQuestions(symptomId, platform, findings) : [];
  const answered = questions.every((question) => answers[question.id]);
  const steps = symptomId && answered ? symptomSteps(symptomId, platform, findings, answers) : [];

  function update(nextId: string, nextAnswers: Answers) {
    setSymptomId(nextId);
    setAnswers(nextAnswers);
    const nextQuestions = nextId ? symptomQuestions(nextId, platform, findings) : [];
    if (!nextId || !nextQuestions.every((question) => nextAnswers[question.id])) return onChange(undefined);
    onChange({
      id: nextId,
      title: symptomTitle(nextId),
      answers: nextQuestions.map((question) => ({
        question: question.text,
        answer: question.options.find((option) => option.value === nextAnswers[question.id])?.label ?? "",
      })),
      steps: symptomSteps(nextId, platform, findings, nextAnswers),
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">What goes wrong?</legend>
        {symptomList.map((symptom) => (
          <label key={symptom.id} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="symptom"
              value={symptom.id}
              checked={symptomId === symptom.id}
              onChange={() => update(symptom.id, {})}
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
                onChange={() => update(symptomId, { ...answers, [question.id]: option.value })}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      ))}
      {steps.length > 0 && (
        <div aria-live="polite" className="rounded-md bg-brand-50 p-4">
          <h3 className="text-sm font-semibold">
            What to do on {platform.browser.label} on {platform.os.label}
          </h3>
          <ol aria-label="Steps" className="mt-2 list-decimal space-y-1 pl-5 text-sm">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
