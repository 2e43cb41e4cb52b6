// The script the probes put into every page before the site's own: navigator.credentials.create() and .get() for
// public keys are answered by the probe's authenticator in Node (bridge.ts), through a Playwright binding, so an answer
// can be re-signed after it was tampered with. Other credential types (passwords, federated) go to the browser.
// A string, not a function: a bundler must not rewrite code that runs in the page.

export const BINDING = "__passkeyLabCeremony";

export const PAGE_SCRIPT = `(() => {
  const container = navigator.credentials;
  if (!container || window.${BINDING}Installed) return;
  window.${BINDING}Installed = true;
  const nativeCreate = container.create.bind(container);
  const nativeGet = container.get.bind(container);

  const toBase64url = (value) => {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  };
  const toBuffer = (text) => {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  };
  const isBytes = (value) => value instanceof ArrayBuffer || ArrayBuffer.isView(value);
  // Options as JSON (WebAuthn L3 PublicKeyCredentialCreationOptionsJSON): every BufferSource as base64url.
  const asJson = (value) => {
    if (isBytes(value)) return toBase64url(value);
    if (Array.isArray(value)) return value.map(asJson);
    if (value && typeof value === "object") {
      const out = {};
      for (const [key, inner] of Object.entries(value)) if (key !== "signal" && inner !== undefined) out[key] = asJson(inner);
      return out;
    }
    return value;
  };

  function credentialFrom(answer, ceremony) {
    const json = answer.credential;
    const bytes = (name) => toBuffer(json.response[name]);
    const response =
      ceremony === "create"
        ? {
            clientDataJSON: bytes("clientDataJSON"),
            attestationObject: bytes("attestationObject"),
            getTransports: () => json.response.transports ?? [],
            getAuthenticatorData: () => toBuffer(answer.authenticatorData),
            getPublicKey: () => (answer.publicKey ? toBuffer(answer.publicKey) : null),
            getPublicKeyAlgorithm: () => answer.publicKeyAlgorithm,
          }
        : {
            clientDataJSON: bytes("clientDataJSON"),
            authenticatorData: bytes("authenticatorData"),
            signature: bytes("signature"),
            userHandle: json.response.userHandle ? bytes("userHandle") : null,
          };
    const responseType = ceremony === "create" ? window.AuthenticatorAttestationResponse : window.AuthenticatorAssertionResponse;
    if (responseType) Object.setPrototypeOf(response, responseType.prototype);
    const credential = {
      id: json.id,
      rawId: toBuffer(json.rawId),
      type: "public-key",
      authenticatorAttachment: json.authenticatorAttachment ?? null,
      response,
      getClientExtensionResults: () => json.clientExtensionResults ?? {},
      toJSON: () => json,
    };
    if (window.PublicKeyCredential) Object.setPrototypeOf(credential, window.PublicKeyCredential.prototype);
    return credential;
  }

  function ceremony(kind, native) {
    return async (options) => {
      if (!options || !options.publicKey) return native(options);
      const signal = options.signal;
      if (signal && signal.aborted) throw new DOMException("The operation was aborted.", "AbortError");
      const aborted = new Promise((_, reject) => {
        if (signal) signal.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")), { once: true });
      });
      const request = { kind, mediation: options.mediation ?? "optional", origin: location.origin, options: asJson(options.publicKey) };
      const answer = await Promise.race([window.${BINDING}(request), aborted]);
      // A request the person never acts on (passkey autofill) stays pending until the site aborts it, as in a browser.
      if (answer.pending) return aborted;
      if (answer.error) throw new DOMException(answer.error.message, answer.error.name);
      return credentialFrom(answer, kind);
    };
  }

  Object.defineProperty(container, "create", { value: ceremony("create", nativeCreate), configurable: true });
  Object.defineProperty(container, "get", { value: ceremony("get", nativeGet), configurable: true });
})();`;
