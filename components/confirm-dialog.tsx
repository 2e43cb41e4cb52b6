"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./ui";

type Question = { title: string; body: ReactNode; confirm: string };

/** An accessible confirmation (native modal <dialog>: focus kept inside, Escape cancels) as an awaitable question. */
export function useConfirm() {
  const [question, setQuestion] = useState<Question | null>(null);
  const answer = useRef<(confirmed: boolean) => void>(() => {});

  const ask = useCallback((next: Question) => {
    setQuestion(next);
    return new Promise<boolean>((resolve) => {
      answer.current = (confirmed) => {
        setQuestion(null);
        resolve(confirmed);
      };
    });
  }, []);

  const dialog = question ? <ConfirmDialog question={question} onAnswer={(confirmed) => answer.current(confirmed)} /> : null;
  return { ask, dialog };
}

function ConfirmDialog({ question, onAnswer }: { question: Question; onAnswer: (confirmed: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
      className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl"
    >
      <div className="flex flex-col gap-4">
        <h2 id="confirm-title" className="text-lg font-semibold">
          {question.title}
        </h2>
        <div className="text-sm text-slate-700">{question.body}</div>
        <div className="flex justify-end gap-3">
          <Button type="button" variant="secondary" onClick={() => onAnswer(false)} autoFocus>
            Cancel
          </Button>
          <Button type="button" variant="danger" onClick={() => onAnswer(true)}>
            {question.confirm}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
