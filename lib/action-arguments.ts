// Server-action arguments arrive in React's reply encoding: JSON in which a string that starts with "$" stands for
// something else ("$$…" is an escaped "$", "$undefined", "$D…" a Date, "$n…" a BigInt, "$1" a part, "$Q1" a Map…).
// Next.js decodes them before any action runs, and a reference it cannot resolve — one no React client sends for the
// plain values our actions take — makes it answer 500. proxy.ts refuses such a body first, with a clean 400
// (security bar B18, B24).

/** The references React's encodeReply makes for plain JSON-like values; any other "$…" string is refused. */
const PLAIN_VALUE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D\d{4}-)/;

/** True when `body` (a text/plain server-action body) is JSON whose every "$…" string is a plain-value encoding. */
export function readableActionArguments(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  // Iterative, so a deeply nested body cannot exhaust the stack.
  const pending: unknown[] = [parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (value.startsWith("$") && !PLAIN_VALUE.test(value)) return false;
    } else if (value && typeof value === "object") {
      pending.push(...Object.values(value));
    }
  }
  return true;
}
