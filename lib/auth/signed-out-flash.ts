// "You're signed out" after signing out: a flash cookie, not a query string. A link such as /sign-in?message=… could be
// sent to anyone and make the page say whatever its author wrote; this cookie only ever carries one fixed flag, set by
// the sign-out action itself, and the page shows its own fixed sentence. It is not a secret (no HttpOnly): the page's
// script clears it once shown, and it lapses by itself within a minute.
export const SIGNED_OUT_COOKIE = "passkey-lab.signed-out";
export const SIGNED_OUT_COOKIE_PATH = "/sign-in";
export const SIGNED_OUT_COOKIE_MAX_AGE_S = 60;
