"use client";

// Immediate sign-in's button, loaded once the page is up: only browsers with `immediateGet` show it, so its code (the
// capability check, the request, the Signal API) stays out of the sign-in page's first-load JS (≤ 140 kB gzip,
// docs/performance.md). React.lazy rather than next/dynamic, whose loader costs more than it saves here.
import { type ComponentProps, lazy, Suspense } from "react";
import type { ImmediateSignIn as Loaded } from "./immediate-sign-in";

const ImmediateSignIn = lazy(() =>
  import("./immediate-sign-in").then((module) => ({ default: module.ImmediateSignIn })),
);

export function ImmediateSignInSlot(props: ComponentProps<typeof Loaded>) {
  return (
    <Suspense fallback={null}>
      <ImmediateSignIn {...props} />
    </Suspense>
  );
}
