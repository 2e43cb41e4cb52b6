// The registrable origin label (WebAuthn L3 §5.11): the first label of a host's registrable domain, by the Public
// Suffix List including its private section, as the URL Standard's "registrable domain" is defined. example.co.uk and
// example.de share the label "example"; localhost, an IP address and a public suffix itself have none.
import { getDomainWithoutSuffix } from "tldts";

export function registrableLabel(host: string): string | null {
  const label = getDomainWithoutSuffix(host, { allowPrivateDomains: true });
  return label ? label.toLowerCase() : null;
}

/** Whether host is the RP ID or one of its subdomains: such origins may use the RP ID without any file. */
export const withinRpId = (host: string, rpId: string) => host === rpId || host.endsWith(`.${rpId}`);
