// The OS and browser as a person reads them, in their language: the detected labels ("Chrome 131", "macOS 14") are
// names and numbers, except the few that carry words ("Windows 10 or 11", "macOS 14 or later", "Unknown browser").
import type { Translator } from "@/lib/i18n/translator";
import type { BrowserInfo, OsInfo } from "./platform-types";

export function osLabel(os: OsInfo, t: Translator<"findings">): string {
  if (os.name === "Unknown") return t("label.unknownOs");
  if (os.name === "Windows" && os.version === null && os.label !== os.name) return t("label.windows10Or11");
  if (os.version !== null && os.versionIsMinimum) return t("label.orLater", { os: os.name, version: os.version });
  return os.label;
}

export function browserLabel(browser: BrowserInfo, t: Translator<"findings">): string {
  return browser.name === "Unknown" ? t("label.unknownBrowser") : browser.label;
}
