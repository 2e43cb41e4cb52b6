"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./ui";

/** `cancel`: the page's word for it; English where a page is not translated yet. */
type Question = { title: string; body: ReactNode; confirm: string; cancel?: string };

/** An accessible confirmation (native modal <dialog>: focus kept inside, Escape cancels) as an awaitable question. */
export function useConfirm() {
  const [question, setQuestion] = useState<Question | null>(null);
  const answer = useRef<(confirmed: boolean) => void>(() => {});
  const deliver = useRef<(() => void) | null>(null);

  const ask = useCallback((next: Question) => {
    setQuestion(next);
    return new Promise<boolean>((resolve) => {
      answer.current = (confirmed) => {
        deliver.current = () => resolve(confirmed);
        setQuestion(null);
      };
    });
  }, []);

  // The answer arrives once the dialog is gone and focus is back on the opener, so what the caller does next (a busy
  // button, a step-up dialog) starts from there.
  useEffect(() => {
    if (question) return;
    deliver.current?.();
    deliver.current = null;
  }, [question]);

  const dialog = question ? (
    <ConfirmDialog question={question} onAnswer={(confirmed) => answer.current(confirmed)} />
  ) : null;
  return { ask, dialog };
}

/**
 * Shows a mounted <dialog> as modal and focuses its control marked `data-autofocus`, else the browser picks (React's
 * autoFocus fires while the dialog is still closed, so it does nothing). A dialog removed from the page does not hand
 * focus back by itself: on unmount it goes to `opener`, by default whatever had focus when the dialog opened.
 */
export function useModalDialog(opener?: Element | null) {
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef(opener);
  useEffect(() => {
    const dialog = ref.current;
    const returnTo = openerRef.current ?? document.activeElement;
    dialog?.showModal();
    dialog?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      dialog?.close();
      if (!(returnTo instanceof HTMLElement)) return;
      const restore = () => {
        if (!document.activeElement || document.activeElement === document.body) returnTo.focus();
      };
      restore();
      // A busy (disabled) opener takes no focus: its action is winding up and enables it again within this task.
      setTimeout(restore);
    };
  }, []);
  return ref;
}

function ConfirmDialog({ question, onAnswer }: { question: Question; onAnswer: (confirmed: boolean) => void }) {
  const ref = useModalDialog();
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
          {/* Focused first: Enter on a question just opened must not do the destructive thing. */}
          <Button type="button" variant="secondary" onClick={() => onAnswer(false)} data-autofocus>
            {question.cancel ?? "Cancel"}
          </Button>
          <Button type="button" variant="danger" onClick={() => onAnswer(true)}>
            {question.confirm}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
