// The trusted-device cookie in this request (lib/auth/trusted-devices.ts): `__Host-` over https like the session
// cookie (security bar D35), HttpOnly, 180 days. One per browser: signing in to another account replaces it.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { TRUSTED_DEVICE_MAX_AGE_S, trustDevice } from "./trusted-devices";

const overHttps = env.RP_ORIGINS[0]?.startsWith("https:") ?? false;
const DEVICE_COOKIE = overHttps ? "__Host-passkey-lab.device" : "passkey-lab.device";

export async function readDeviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(DEVICE_COOKIE)?.value;
}

/** Called with every new session: the browser a person has just proven themselves in becomes a trusted device. */
export async function trustThisBrowser(userId: string): Promise<void> {
  const value = await trustDevice(await readDeviceCookie(), userId);
  if (!value) return;
  (await cookies()).set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: overHttps,
    maxAge: TRUSTED_DEVICE_MAX_AGE_S,
  });
}
