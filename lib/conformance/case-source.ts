// Whose list a case comes from. FIDO's ids start "Server-"; ours "PasskeyLab-" and go further: the security bar in
// docs/security.md (checks WebAuthn leaves to the relying party: replay, ownership, crossOrigin, …) and mutations FIDO's
// list does not try. A bare library example may fail many of ours while passing FIDO's, so every reporter tells the two apart.
import type { CaseResult } from "./types";

export const isOwnCase = (id: string) => id.startsWith("PasskeyLab-");

export const OWN_CASES_EXPLAINED =
  "Passkey Lab's own cases (PasskeyLab-*) go beyond FIDO's list: the security bar in docs/security.md (checks WebAuthn leaves to the relying party) and attacks FIDO's list does not try.";

/** "7 from FIDO's list, 17 from Passkey Lab's security bar", or null when every fail is FIDO's. */
export function failSources(cases: Pick<CaseResult, "id" | "outcome">[]): { fido: number; own: number } | null {
  const fails = cases.filter((result) => result.outcome === "fail");
  const own = fails.filter((result) => isOwnCase(result.id)).length;
  return own === 0 ? null : { fido: fails.length - own, own };
}

export const failSourcesLine = ({ fido, own }: { fido: number; own: number }) =>
  `Of the fails, ${fido} ${fido === 1 ? "is" : "are"} from FIDO's list and ${own} from Passkey Lab's security bar.`;
