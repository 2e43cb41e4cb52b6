"use client";

import { Button } from "@/components/button";

/** Shown instead of a bare 500 when something fails on our side; no technical detail reaches the page. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex max-w-xl flex-col gap-3">
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p className="text-slate-700">Nothing you did caused this, and nothing was changed. Try again in a moment.</p>
      <Button type="button" onClick={reset} className="self-start">
        Try again
      </Button>
    </div>
  );
}
