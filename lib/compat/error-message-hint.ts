// What a browser's own error message adds to a DOMException's name, as one of a few known facts. The message is free
// text in the browser's language and may quote the page, so it never leaves the browser: the page sends this instead
// (lib/compat/explain-browser-failure-action.ts). Tiny and dependency-free: it runs in the browser.

export const MESSAGE_HINTS = ["focus", "iframe", "pending"] as const;
export type MessageHint = (typeof MESSAGE_HINTS)[number];

/** "focus": the page was not focused; "iframe": a permissions policy refused; "pending": another request was open. */
export function messageHint(message: string | undefined): MessageHint | undefined {
  if (!message) return undefined;
  if (/focus/i.test(message)) return "focus";
  if (/permissions? policy|publickey-credentials|iframe/i.test(message)) return "iframe";
  if (/pending|already in progress/i.test(message)) return "pending";
  return undefined;
}
