// Demo destination addresses: bech32m (BIP 350) with the prefix "lab" over 20 bytes, so a typo fails the checksum
// the way it does for a real exchange's address check.
import { randomBytes } from "node:crypto";
import { bech32m } from "@scure/base";

const PREFIX = "lab";
const PAYLOAD_BYTES = 20;

export function isValidAddress(address: string): boolean {
  try {
    const decoded = bech32m.decode(address as `${string}1${string}`);
    return decoded.prefix === PREFIX && bech32m.fromWords(decoded.words).length === PAYLOAD_BYTES;
  } catch {
    return false;
  }
}

/** A fresh, valid demo address (nothing is ever sent anywhere). */
export function newDemoAddress(): string {
  return bech32m.encode(PREFIX, bech32m.toWords(randomBytes(PAYLOAD_BYTES)));
}
