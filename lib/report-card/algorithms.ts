// COSE algorithm names (IANA COSE Algorithms registry) for the algorithms a report card may meet.
const NAMES: Record<number, string> = {
  [-7]: "ES256",
  [-8]: "EdDSA",
  [-35]: "ES384",
  [-36]: "ES512",
  [-37]: "PS256",
  [-38]: "PS384",
  [-39]: "PS512",
  [-257]: "RS256",
  [-258]: "RS384",
  [-259]: "RS512",
  [-65535]: "RS1",
};

/** "ES256 (-7)"; an algorithm outside the list keeps its number. */
export function algorithmLabel(alg: number): string {
  const name = NAMES[alg];
  return name ? `${name} (${alg})` : `COSE ${alg}`;
}
