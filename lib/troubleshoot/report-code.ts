import { randomInt } from "node:crypto";

// Codes are read aloud over the phone: no 0/O, 1/I/L, or 5/S look-alikes. 29^6 ≈ 600 million codes.
const ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ";

/** A fresh code such as "K7M-4QX". */
export function newReportCode(): string {
  const chars = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}

/** What a person types or says back ("k7m 4qx", "K7M4QX") in canonical form; null when it cannot be a code. */
export function normaliseReportCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== 6 || [...compact].some((char) => !ALPHABET.includes(char))) return null;
  return `${compact.slice(0, 3)}-${compact.slice(3)}`;
}
