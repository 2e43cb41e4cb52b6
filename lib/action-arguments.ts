// Server-action arguments arrive in React's reply encoding: JSON in which a string that starts with "$" stands for
// something else ("$$…" is an escaped "$", "$undefined", "$D…" a Date, "$n…" a BigInt, "$1" a part, "$Q1" a Map…).
// Next.js decodes them before any action runs, and a reference it cannot resolve — one no React client sends for the
// plain values our actions take — or a body that is not an argument list makes it answer 500. proxy.ts refuses such a
// body first, with a clean 400 (security bar B18, B24, H66; lib/action-request.ts).

/** The references React's encodeReply makes for plain JSON-like values; any other "$…" string is refused. */
const PLAIN_VALUE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D\d{4}-)/;
/** A FormData argument ("$K1": the form's fields are the parts prefixed "_1_"), as a form action receives it. */
const FORM_DATA = /^\$K\d+$/;

/**
 * True when `body` is an argument list (a JSON array) whose every "$…" string is a plain-value encoding: the whole
 * text/plain body, or the root part "0" of a multipart one (`formData`: which may also pass FormData arguments).
 */
export function readableActionArguments(body: string, { formData = false } = {}): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  // Next.js spreads the arguments into the action: anything but a list is a 500 there.
  if (!Array.isArray(parsed)) return false;
  // Iterative, so a deeply nested body cannot exhaust the stack.
  const pending: unknown[] = [parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (value.startsWith("$") && !PLAIN_VALUE.test(value) && !(formData && FORM_DATA.test(value))) return false;
    } else if (value && typeof value === "object") {
      pending.push(...Object.values(value));
    }
  }
  return true;
}
