"use client";

import { useEffect } from "react";
import { Alert } from "@/components/alert";
import { SIGNED_OUT_COOKIE, SIGNED_OUT_COOKIE_PATH } from "@/lib/auth/signed-out-flash";

/** Shown once after signing out (lib/auth/signed-out-flash.ts): the flag is cleared as soon as the page has shown it. */
/** `text`: the notice in the page's language (page.tsx). */
export function SignedOutNotice({ text }: { text: string }) {
  useEffect(() => {
    document.cookie = `${SIGNED_OUT_COOKIE}=; Max-Age=0; Path=${SIGNED_OUT_COOKIE_PATH}; SameSite=Lax`;
  }, []);
  return <Alert tone="success">{text}</Alert>;
}
