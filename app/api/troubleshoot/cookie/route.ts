import { NextResponse, type NextRequest } from "next/server";
import { newToken } from "@/lib/crypto/tokens";

const COOKIE = "pl_cookie_probe";

/**
 * The wizard's cookie round trip (and proof the server is reachable): the first call sets a random cookie, the
 * second (`?check=value`) says whether the browser sent it back. Sessions need cookies, so this is checked for real.
 */
export async function GET(request: NextRequest) {
  const check = request.nextUrl.searchParams.get("check");
  const headers = { "Cache-Control": "no-store" };
  if (check === null) {
    const value = newToken(12);
    const response = NextResponse.json({ value }, { headers });
    response.cookies.set(COOKIE, value, { httpOnly: true, sameSite: "lax", path: "/api/troubleshoot", maxAge: 300 });
    return response;
  }
  return NextResponse.json({ returned: request.cookies.get(COOKIE)?.value === check }, { headers });
}
