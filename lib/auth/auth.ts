// Auth.js holds sessions only (JWT cookies). Every way in — password + second factor, a passkey — ends in a
// single-use ticket from lib/, which this Credentials provider trades for a session.
import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { newToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { redeemTicket } from "./tickets";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const { handlers, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(credentials) {
        const ticket = credentials?.ticket;
        if (typeof ticket !== "string" || ticket.length === 0) return null;
        const userId = await redeemTicket(ticket);
        return userId ? { id: userId } : null;
      },
    }),
  ],
  callbacks: {
    // A new session id and issue time for every sign-in (security bar D36); step-up grants bind to the id, and the
    // per-user valid-after check compares against the time in milliseconds.
    jwt({ token, user }) {
      if (user?.id) return { sub: user.id, sid: newToken(16), issuedAt: Date.now() };
      return token;
    },
  },
});
