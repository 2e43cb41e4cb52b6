/** Auth.js session cookie names: plain on http://localhost, `__Secure-` prefixed over https. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
