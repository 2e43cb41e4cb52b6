"use client";

import { noopAction } from "./actions";

export function NoopButton() {
  return <button onClick={() => void noopAction()}>No-op</button>;
}
