// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// The site's one page, rendered on the server: signed out, the sign-up and sign-in forms; signed in, who and what.
import { readFileSync } from "node:fs";
import type { User } from "./store";

const script = readFileSync(new URL("./page-script.js", import.meta.url), "utf8");

/** Messages a finished step asks for in the address (`/?notice=…`); anything else shows nothing. */
const NOTICES: Record<string, string> = {
  "passkey-added": "Passkey added.",
  "signed-in": "Signed in.",
  "signed-out": "Signed out.",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function signedOut(): string {
  return `
    <section aria-labelledby="sign-up-title">
      <h2 id="sign-up-title">Sign up</h2>
      <label for="new-username">New username</label> <input id="new-username" autocomplete="off">
      <button id="sign-up">Sign up with a passkey</button>
    </section>
    <section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <label for="username">Username</label> <input id="username" autocomplete="username">
      <button id="sign-in">Sign in with a passkey</button>
      <p><button id="sign-in-usernameless">Sign in without a username</button></p>
    </section>`;
}

function signedIn(user: User, passkeyCount: number): string {
  return `
    <p>Signed in as <strong id="who">${escapeHtml(user.name)}</strong></p>
    <p>Passkeys on this account: ${passkeyCount}</p>
    <button id="add-passkey">Add another passkey</button>
    <button id="sign-out">Sign out</button>`;
}

export function renderPage(
  signedInAs: { user: User; passkeyCount: number } | undefined,
  notice: string | null,
): string {
  const message = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : "";
  return `<!doctype html>
<!-- UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md. -->
<html lang="en">
<head><meta charset="utf-8"><title>Weak RP (UNSAFE)</title></head>
<body>
  <p role="note" style="background:#b00020;color:#fff;padding:.5em"><strong>UNSAFE test site.</strong> It has three
    passkey holes on purpose (replay, origin, user verification) so passkey-lab can find them. Never deploy it.</p>
  <h1>Weak RP</h1>
  <p role="status">${message}</p>
  <p id="error" role="alert" hidden></p>
  ${signedInAs ? signedIn(signedInAs.user, signedInAs.passkeyCount) : signedOut()}
  <script type="module">${script}</script>
</body>
</html>`;
}
