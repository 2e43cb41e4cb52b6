// next-intl's per-request configuration (next.config.ts points its plugin here): no locale in the URL ("without i18n
// routing"), so the locale is negotiated from the cookie and Accept-Language (decision 027). Only this locale's file
// is loaded; what reaches the browser is picked further by lib/i18n/client-messages.tsx.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE } from "./locales";
import { negotiateLocale } from "./negotiate-locale";

export default getRequestConfig(async () => {
  const locale = negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    // Server-rendered dates read in UTC, said so; components/local-time.tsx turns them to the reader's zone.
    timeZone: "UTC",
  };
});
