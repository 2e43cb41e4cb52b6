import Bowser from "bowser";

/** "Chrome 156 on Linux": the browser and OS a person would recognise, never the raw User-Agent string. */
export function describeClient(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown browser";
  const { browser, os } = Bowser.parse(userAgent);
  const browserName = browser.name
    ? `${browser.name} ${browser.version?.split(".")[0] ?? ""}`.trim()
    : "Unknown browser";
  const osName = os.name ? `${os.name} ${os.versionName ?? ""}`.trim() : "";
  return osName ? `${browserName} on ${osName}` : browserName;
}
