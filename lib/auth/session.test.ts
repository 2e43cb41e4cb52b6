import { describe, expect, it } from "vitest";
import { newToken } from "@/lib/crypto/tokens";
import { PLAIN_SESSION_COOKIE, SECURE_SESSION_COOKIE } from "./session-cookie";
import { sessionOfToken } from "./session";
import { encodeSession } from "./session-token";
import { createUser, endAllSessions } from "./users";

async function newUser() {
  const user = await createUser(`session-${newToken(6)}@test.example`, "a long enough test password");
  if (!user) throw new Error("could not create user");
  return user;
}

describe("the session a token names", () => {
  it("is the token's user and session id while the user has not ended their sessions", async () => {
    const user = await newUser();
    const token = await encodeSession(PLAIN_SESSION_COOKIE, user.id, "session-1");
    const session = await sessionOfToken(PLAIN_SESSION_COOKIE, token);
    expect(session?.sessionId).toBe("session-1");
    expect(session?.user.id).toBe(user.id);
  });

  it("is none once the user ended every session after the token was issued", async () => {
    const user = await newUser();
    const token = await encodeSession(PLAIN_SESSION_COOKIE, user.id);
    await endAllSessions(user.id, new Date(Date.now() + 1_000));
    expect(await sessionOfToken(PLAIN_SESSION_COOKIE, token)).toBeNull();
  });

  it("is none for an unknown user, another cookie's token and a forged token", async () => {
    expect(
      await sessionOfToken(PLAIN_SESSION_COOKIE, await encodeSession(PLAIN_SESSION_COOKIE, "no-such-user")),
    ).toBeNull();
    const user = await newUser();
    const token = await encodeSession(PLAIN_SESSION_COOKIE, user.id);
    expect(await sessionOfToken(SECURE_SESSION_COOKIE, token)).toBeNull();
    expect(await sessionOfToken(PLAIN_SESSION_COOKIE, "forged")).toBeNull();
  });

  it("is read anew outside a page render: a later call sees sessions ended since the first", async () => {
    const user = await newUser();
    const token = await encodeSession(PLAIN_SESSION_COOKIE, user.id);
    expect(await sessionOfToken(PLAIN_SESSION_COOKIE, token)).not.toBeNull();
    await endAllSessions(user.id, new Date(Date.now() + 1_000));
    expect(await sessionOfToken(PLAIN_SESSION_COOKIE, token)).toBeNull();
  });
});
