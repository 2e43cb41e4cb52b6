// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// The page's own WebAuthn calls, without a library: JSON options from the server become the ArrayBuffers
// navigator.credentials wants, and the credential it returns becomes JSON again (base64url), as SimpleWebAuthn reads it.
const toBytes = (base64url) =>
  Uint8Array.from(atob(base64url.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
const toBase64url = (buffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const withBytesIds = (list) => (list ?? []).map((credential) => ({ ...credential, id: toBytes(credential.id) }));

/** A PublicKeyCredential as JSON, with its `response` members already encoded. */
const credentialJSON = (credential, response) => ({
  id: credential.id,
  rawId: toBase64url(credential.rawId),
  type: credential.type,
  authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
  clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
  response: { clientDataJSON: toBase64url(credential.response.clientDataJSON), ...response },
});

async function post(path, body = {}) {
  const answer = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await answer.json().catch(() => ({ ok: false, error: `The server answered ${answer.status}.` }));
  if (!json.ok) throw new Error(json.error);
  return json;
}

async function createPasskey(optionsPath, body) {
  const { options } = await post(optionsPath, body);
  const publicKey = {
    ...options,
    challenge: toBytes(options.challenge),
    user: { ...options.user, id: toBytes(options.user.id) },
    excludeCredentials: withBytesIds(options.excludeCredentials),
  };
  const credential = await navigator.credentials.create({ publicKey });
  const response = credentialJSON(credential, {
    attestationObject: toBase64url(credential.response.attestationObject),
    transports: credential.response.getTransports?.() ?? [],
  });
  await post("/api/register/verify", { response });
  location.assign("/?notice=passkey-added");
}

async function signIn(username) {
  const { options } = await post("/api/sign-in/options", { username });
  const publicKey = {
    ...options,
    challenge: toBytes(options.challenge),
    allowCredentials: withBytesIds(options.allowCredentials),
  };
  const credential = await navigator.credentials.get({ publicKey });
  const { userHandle } = credential.response;
  const response = credentialJSON(credential, {
    authenticatorData: toBase64url(credential.response.authenticatorData),
    signature: toBase64url(credential.response.signature),
    userHandle: userHandle ? toBase64url(userHandle) : undefined,
  });
  await post("/api/sign-in/verify", { response });
  location.assign("/?notice=signed-in");
}

const error = document.getElementById("error");

/** Runs a button's action; whatever goes wrong (the server's refusal, the browser's) is shown as text. */
function onClick(id, action) {
  document.getElementById(id)?.addEventListener("click", async (event) => {
    event.preventDefault();
    error.hidden = true;
    error.textContent = "";
    try {
      await action();
    } catch (failure) {
      error.textContent =
        failure instanceof DOMException ? `${failure.name}: ${failure.message}` : String(failure.message ?? failure);
      error.hidden = false;
    }
  });
}

const valueOf = (id) => document.getElementById(id).value;
onClick("sign-up", () => createPasskey("/api/sign-up/options", { username: valueOf("new-username") }));
onClick("sign-in", () => signIn(valueOf("username")));
onClick("sign-in-usernameless", () => signIn(""));
onClick("add-passkey", () => createPasskey("/api/passkeys/options"));
onClick("sign-out", async () => {
  await post("/api/sign-out");
  location.assign("/?notice=signed-out");
});
