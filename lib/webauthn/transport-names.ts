// How a passkey's transports (WebAuthn L3 §5.8.4, AuthenticatorTransport) read to a person on their passkey card, in
// the page's language: a table the server builds and the passkey list (a client component) looks up.
import type { Translator } from "@/lib/i18n/translator";

export type TransportNames = Record<string, string>;

export function transportNames(t: Translator<"passkeys">): TransportNames {
  return {
    internal: t("transports.internal"),
    usb: t("transports.usb"),
    nfc: t("transports.nfc"),
    ble: t("transports.ble"),
    hybrid: t("transports.hybrid"),
    "smart-card": t("transports.smartCard"),
  };
}

/** A transport in words; one the table does not know (a future value) reads as the browser gave it. */
export function transportName(transport: string, names: TransportNames): string {
  return names[transport] ?? transport;
}
