// The same usernameless sign-in as bench/portal-ceremonies.ts, against the framework-free baseline server.
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import { BENCH_USER_AGENT, SESSION_COOKIE } from "./portal-ceremonies";
import { nextAddress } from "./simulated-people";

async function post(baseUrl: string, path: string, body: unknown, address: string): Promise<Response> {
  return fetch(new URL(path, baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/json",
      Origin: baseUrl,
      "User-Agent": BENCH_USER_AGENT,
      "X-Forwarded-For": address,
    },
    body: JSON.stringify(body),
  });
}

export async function signInThroughBaseline(baseUrl: string, authenticator: SoftwareAuthenticator): Promise<string> {
  const address = nextAddress();
  const start = await post(baseUrl, "/sign-in/options", {}, address);
  const started = (await start.json()) as {
    ok: boolean;
    data?: { ceremonyId: string; options: PublicKeyCredentialRequestOptionsJSON };
  };
  if (start.status !== 200 || !started.ok || !started.data)
    throw new Error(`options: HTTP ${start.status} ${JSON.stringify(started).slice(0, 120)}`);
  const response = authenticator.authenticate(started.data.options, baseUrl);
  const finish = await post(baseUrl, "/sign-in/verify", { ceremonyId: started.data.ceremonyId, response }, address);
  const text = await finish.text();
  const cookie = finish.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  if (finish.status !== 200 || !cookie) throw new Error(`verify: HTTP ${finish.status} ${text.slice(0, 120)}`);
  return cookie;
}
