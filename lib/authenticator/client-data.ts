// CollectedClientData as the browser serialises it (WebAuthn L3 §5.8.1.1): type, challenge, origin, crossOrigin
// first, in that order, then the optional members.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ClientDataType = "webauthn.create" | "webauthn.get";

/** Per-call control over clientDataJSON; `extra` adds members after the standard ones (browsers may add more). */
export type ClientDataOverrides = {
  type?: string;
  challenge?: string;
  origin?: string;
  crossOrigin?: boolean;
  topOrigin?: string;
  tokenBinding?: { status: string; id?: string };
  extra?: Record<string, JsonValue>;
};

export function encodeClientData(
  type: ClientDataType,
  challenge: string,
  origin: string,
  overrides: ClientDataOverrides = {},
): Buffer {
  const collected: Record<string, JsonValue> = {
    type: overrides.type ?? type,
    challenge: overrides.challenge ?? challenge,
    origin: overrides.origin ?? origin,
    crossOrigin: overrides.crossOrigin ?? false,
  };
  if (overrides.topOrigin !== undefined) collected.topOrigin = overrides.topOrigin;
  if (overrides.tokenBinding) collected.tokenBinding = { ...overrides.tokenBinding };
  return Buffer.from(JSON.stringify({ ...collected, ...overrides.extra }));
}
