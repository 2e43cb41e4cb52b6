// Every sign-in of the benchmark comes from a different simulated person: its own address, sent as the
// X-Forwarded-For a reverse proxy would set. The portal rate-limits sign-in options per client (lib/auth/rate-limit.ts,
// 120 a minute); a benchmark measures many people signing in, not one client flooding (which the limit stops).
let people = 0;

/** A fresh private IPv4 address, a different one on each call (16.7 million before they repeat). */
export function nextAddress(): string {
  const n = people++ % 0xffffff;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
