import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { PLAIN_SESSION_COOKIE, SECURE_SESSION_COOKIE } from "./session-cookie";
import { decodeSession, encodeSession, newSessionId } from "./session-token";

describe("session tokens", () => {
  it("carry the user, a session id and the issue time", async () => {
    const before = Date.now();
    const token = await encodeSession(PLAIN_SESSION_COOKIE, "user-1", "session-1");
    const claims = await decodeSession(PLAIN_SESSION_COOKIE, token);
    expect(claims).toMatchObject({ userId: "user-1", sessionId: "session-1" });
    expect(claims!.issuedAt).toBeGreaterThanOrEqual(before);
    expect(claims!.issuedAt).toBeLessThanOrEqual(Date.now());
  });

  it("get a fresh session id unless one is given", async () => {
    const [a, b] = await Promise.all([
      encodeSession(PLAIN_SESSION_COOKIE, "u"),
      encodeSession(PLAIN_SESSION_COOKIE, "u"),
    ]);
    const [first, second] = await Promise.all([
      decodeSession(PLAIN_SESSION_COOKIE, a),
      decodeSession(PLAIN_SESSION_COOKIE, b),
    ]);
    expect(first!.sessionId).not.toBe(second!.sessionId);
    expect(newSessionId()).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it("are bound to their cookie name: a token moved to the other cookie does not decode", async () => {
    const token = await encodeSession(PLAIN_SESSION_COOKIE, "user-1");
    expect(await decodeSession(SECURE_SESSION_COOKIE, token)).toBeNull();
  });

  it("refuse tampered, truncated and foreign tokens", async () => {
    const token = await encodeSession(PLAIN_SESSION_COOKIE, "user-1");
    const flipped = token.slice(0, -5) + (token.at(-5) === "A" ? "B" : "A") + token.slice(-4);
    expect(await decodeSession(PLAIN_SESSION_COOKIE, flipped)).toBeNull();
    expect(await decodeSession(PLAIN_SESSION_COOKIE, token.slice(0, token.length / 2))).toBeNull();
    expect(await decodeSession(PLAIN_SESSION_COOKIE, "forged")).toBeNull();
    expect(await decodeSession(PLAIN_SESSION_COOKIE, "")).toBeNull();
  });

  it("refuse a valid token without a session id and issue time (one made before decision 001's claims)", async () => {
    const bare = await encode({ token: { sub: "user-1" }, secret: env.AUTH_SECRET, salt: PLAIN_SESSION_COOKIE });
    expect(await decodeSession(PLAIN_SESSION_COOKIE, bare)).toBeNull();
  });
});
