// Rows both ceremonies share: the authenticator-data flags (WebAuthn L3 §6.1) in words.
import type { CardRow } from "./card";
import { yesNo } from "./card";

export type AuthenticatorFlags = { up: boolean; uv: boolean; be: boolean; bs: boolean; at: boolean; ed: boolean };

/** BE says whether the credential may sync, BS whether it has (WebAuthn L3 §6.1.3); BS without BE is invalid. */
export function describeStorage(flags: Pick<AuthenticatorFlags, "be" | "bs">): string {
  if (!flags.be && flags.bs)
    return "invalid: backed up (BS) but not backup eligible (BE), WebAuthn L3 §6.1.3 forbids it";
  if (flags.be && flags.bs) return "synced: backup eligible and backed up (a passkey manager)";
  if (flags.be) return "can sync, not backed up yet";
  return "device-bound: never leaves this authenticator";
}

export function flagRows(flags: AuthenticatorFlags, uvNote?: string): CardRow[] {
  const all = (["up", "uv", "be", "bs", "at", "ed"] as const)
    .map((name) => `${name.toUpperCase()}=${flags[name] ? 1 : 0}`)
    .join(" ");
  return [
    { label: "User verified (UV)", value: yesNo(flags.uv), ...(uvNote ? { note: uvNote } : {}) },
    { label: "Storage (BE/BS)", value: describeStorage(flags) },
    { label: "Flags", value: all },
  ];
}
