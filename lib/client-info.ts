import Bowser from "bowser";

/**
 * "Chrome 156 · Linux": the browser and OS a person would recognise, never the raw User-Agent string. Stored with the
 * event and read in every language, so it holds names only, no words ("—" for a browser that did not say).
 */
export function describeClient(userAgent: string | null | undefined): string {
  const { browser, os } = userAgent ? Bowser.parse(userAgent) : { browser: {}, os: {} };
  const browserName = browser.name ? `${browser.name} ${browser.version?.split(".")[0] ?? ""}`.trim() : "";
  const osName = os.name ? `${os.name} ${os.versionName ?? ""}`.trim() : "";
  return [browserName, osName].filter(Boolean).join(" · ") || "—";
}
