// How a passkey's transports (WebAuthn L3 §5.8.4, AuthenticatorTransport) read to a person on their passkey card.

const names: Record<string, string> = {
  internal: "This device",
  usb: "USB",
  nfc: "NFC",
  ble: "Bluetooth",
  hybrid: "Phone (hybrid)",
  "smart-card": "Smart card",
};

/** A transport in words; one this list does not know (a future value) reads as the browser gave it. */
export function transportName(transport: string): string {
  return names[transport] ?? transport;
}
