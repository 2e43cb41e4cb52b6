import { randomBytes } from "node:crypto";

// A report code is the only key to a saved report, so it must be unguessable (security bar H64), and it is read
// aloud over the phone, so it must survive being read. Crockford's base32 (https://www.crockford.com/base32.html):
// 32 symbols, 5 bits each, no U; I and L are read as 1 and O as 0, so a look-alike typed back still finds the code.
// 12 symbols in four groups of three ("K7M-4QX-9TZ-H2D") carry 60 random bits (docs/decisions/013).
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SYMBOLS = 12;
export const REPORT_CODE_BITS = SYMBOLS * 5;

/** Codes of the first scheme (29 symbols, six of them, ~29 bits): found only by support staff until they expire. */
const LEGACY_ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ";

const grouped = (symbols: string) => symbols.match(/.{3}/g)!.join("-");

/** A fresh code such as "K7M-4QX-9TZ-H2D": 60 bits from the system's CSPRNG. */
export function newReportCode(): string {
  const bytes = randomBytes(SYMBOLS); // one byte per symbol, its low 5 bits: 256 is a multiple of 32, so no bias
  return grouped(Array.from(bytes, (byte) => ALPHABET[byte & 31]).join(""));
}

/**
 * What a person types or says back ("k7m 4qx 9tz h2d", "K7M4QX9TZH2D", "k7m-4qx-9tz-h2o") in canonical form; null when
 * it cannot be a code.
 */
export function normaliseReportCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (compact.length !== SYMBOLS || [...compact].some((char) => !ALPHABET.includes(char))) return null;
  return grouped(compact);
}

/** Whether what was typed could be a report code of either scheme at all (a typo in one symbol still could). */
export function looksLikeReportCode(input: string): boolean {
  return normaliseReportCode(input) !== null || normaliseLegacyReportCode(input) !== null;
}

/** A code of the first, short scheme ("K7M-4QX") in canonical form; null when it cannot be one. */
export function normaliseLegacyReportCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== 6 || [...compact].some((char) => !LEGACY_ALPHABET.includes(char))) return null;
  return grouped(compact);
}
