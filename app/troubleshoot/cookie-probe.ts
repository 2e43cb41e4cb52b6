// The wizard's cookie test, carried by the checks' own request: the page stores a cookie named after a random value and
// sends the value with its checks; the server looks for that cookie among those that came back. That is what a session needs:
// this browser keeping a cookie for this site and sending it back. Browser settings, blockers and third-party rules
// refuse a cookie stored by script just as they refuse one set by the server.
export const PROBE_COOKIE = "pl_cookie_probe";
export const PROBE_VALUE = /^[0-9a-f]{24}$/;

/**
 * The probe cookie's name for one page's value: each page stores its own, so two tabs opening the wizard at once do
 * not overwrite each other's probe (and one of them fail the cookie check).
 */
export const probeCookieName = (prefix: string, value: string) => `${prefix}-${value}`;

/**
 * Stores a fresh probe cookie under `prefix` (PROBE_COOKIE, passed in with probeCookieName: the page carries this
 * function as text in its inline script) and returns its value, also when the browser refuses it (the check then
 * fails).
 */
export function storeProbeCookie(prefix: string, nameOf: typeof probeCookieName): string {
  const value = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
  try {
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${nameOf(prefix, value)}=1; Path=/troubleshoot; Max-Age=300; SameSite=Strict${secure}`;
  } catch {
    // A sandboxed frame throws: the value will not come back, and that is the finding.
  }
  return value;
}
