// Amounts of the demo asset LAB (clearly not real money): 8 decimal places, stored as integer units.
export const ASSET = "LAB";
export const DECIMALS = 8;
export const UNITS_PER_LAB = 10 ** DECIMALS;
export const OPENING_BALANCE = 10 * UNITS_PER_LAB;

/** "1.5" → 150000000 units; null when it is not a positive amount with at most 8 decimals. */
export function parseAmount(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,8}))?$/.exec(text.trim());
  if (!match) return null;
  const units = Number(match[1]) * UNITS_PER_LAB + Number((match[2] ?? "").padEnd(DECIMALS, "0"));
  return units > 0 && Number.isSafeInteger(units) ? units : null;
}

/** 150000000 → "1.5 LAB" (no trailing zeros beyond what is needed). */
export function formatAmount(units: number): string {
  const sign = units < 0 ? "-" : "";
  const whole = Math.floor(Math.abs(units) / UNITS_PER_LAB);
  const fraction = String(Math.abs(units) % UNITS_PER_LAB)
    .padStart(DECIMALS, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""} ${ASSET}`;
}
