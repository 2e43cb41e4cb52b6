import "server-only";
import { cookies } from "next/headers";
import { SIGNED_IN_COOKIE, SIGNED_IN_COOKIE_MAX_AGE_S } from "./signed-in-flash";

/** Sets the just-signed-in flag (lib/auth/signed-in-flash.ts); call it with the session every sign-in starts. */
export async function markSignedIn(): Promise<void> {
  (await cookies()).set(SIGNED_IN_COOKIE, "1", { path: "/", maxAge: SIGNED_IN_COOKIE_MAX_AGE_S, sameSite: "lax" });
}
