// Refuses passwords an attacker tries first (NIST SP 800-63B-4 §3.1.1.2: "verifiers SHALL compare the prospective
// secret against a blocklist that contains known commonly used, expected, or compromised passwords"): the 49,000 most
// common passwords of breach corpora, words of this service and of the person's email, and trivial patterns. Pure, so
// it is table-tested; the list stays on the server (49k words would blow the forms' first-load JS budget).
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { fail, type Failure } from "@/lib/result";

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary["passwords-common"]);
/** The service's own names (NIST's "context-specific words, such as the name of the service"). */
const SERVICE_WORDS = ["passkey lab", "passkeylab", "passkey-lab", "passkey"];

export type PasswordContext = { email: string; serviceName?: string };

/** Lower case with only letters and digits left: "Pass Key-Lab!" and "passkeylab" are the same word. */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** "Password1234!" → "password": a common word with digits or symbols around it is still that common word. */
function core(text: string): string {
  return text.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const candidates = [lower, lower.replace(/\s+/g, ""), compact(password), core(password)];
  return candidates.some((candidate) => candidate.length > 0 && COMMON_PASSWORDS.has(candidate));
}

/** One unit repeated ("aaaaaaaaaaaa", "abcabcabcabc", "121212121212") or a run ("abcdefghijkl", "987654321098"). */
function isTrivial(password: string): boolean {
  if (password.trim() === "") return true;
  const text = password.toLowerCase();
  for (let unit = 1; unit <= 4; unit++) {
    if (
      text.length > unit &&
      text ===
        text
          .slice(0, unit)
          .repeat(Math.ceil(text.length / unit))
          .slice(0, text.length)
    )
      return true;
  }
  const steps = [...text].slice(1).map((char, i) => char.charCodeAt(0) - text.charCodeAt(i));
  // Digits wrap (…8 9 0 1…), as they do on a keyboard's number row.
  const digits = /^\d+$/.test(text);
  const isRun = (step: number) => steps.every((value) => value === step || (digits && value === -9 * step));
  return isRun(1) || isRun(-1);
}

/** The person's own words: the whole email, its local part, and the local part's pieces (ann.lee → ann, lee). */
function contextWords({ email, serviceName }: PasswordContext): string[] {
  const local = email.split("@")[0] ?? "";
  const words = [email, local, ...local.split(/[._+-]/), ...SERVICE_WORDS, serviceName ?? ""].map(compact);
  return [...new Set(words)].filter((word) => word.length >= 3).sort((a, b) => b.length - a.length);
}

/** Built from context words: what is left once they are taken out is at most a few digits or symbols. */
function isBuiltFromContext(password: string, context: PasswordContext): boolean {
  let rest = compact(password);
  if (rest.length === 0) return false;
  let found = false;
  for (const word of contextWords(context)) {
    if (rest.includes(word)) {
      rest = rest.split(word).join("");
      found = true;
    }
  }
  return found && !/\p{L}{4,}/u.test(rest);
}

/** Why a new password is refused, or null when it may be used. Length is checked by the forms' schema. */
export function refuseWeakPassword(password: string, context: PasswordContext): Failure | null {
  if (isTrivial(password)) {
    return fail("password:trivial", "password.trivial-pattern");
  }
  if (isCommon(password)) {
    return fail("password:common", "password.common-leaked");
  }
  if (isBuiltFromContext(password, context)) {
    return fail("password:context", "password.context-guessable");
  }
  return null;
}
