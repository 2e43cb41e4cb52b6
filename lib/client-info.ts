import Bowser from "bowser";

const UNKNOWN_BROWSER = "Unknown browser";
const JOIN = " on ";

/** "Chrome 156 on Linux": the browser and OS a person would recognise, never the raw User-Agent string. */
export function describeClient(userAgent: string | null | undefined): string {
  if (!userAgent) return UNKNOWN_BROWSER;
  const { browser, os } = Bowser.parse(userAgent);
  const browserName = browser.name ? `${browser.name} ${browser.version?.split(".")[0] ?? ""}`.trim() : UNKNOWN_BROWSER;
  const osName = os.name ? `${os.name} ${os.versionName ?? ""}`.trim() : "";
  return osName ? `${browserName}${JOIN}${osName}` : browserName;
}

/**
 * A stored description (describeClient's English, kept with each passkey and event) taken back apart, so a page in
 * another language says it in its own words: the browser and OS are names, "Unknown browser" and " on " are English.
 * `browser` null: the browser was unknown.
 */
export function clientParts(described: string): { browser: string | null; os: string | null } {
  // Browser names (Bowser's) hold no " on "; an OS name might, so the first one splits.
  const at = described.indexOf(JOIN);
  const browser = at === -1 ? described : described.slice(0, at);
  const os = at === -1 ? null : described.slice(at + JOIN.length);
  return { browser: browser === UNKNOWN_BROWSER ? null : browser, os };
}
