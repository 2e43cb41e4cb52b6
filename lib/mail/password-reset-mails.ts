// The two mails "Forgot password?" sends: a code to the owner of an account, a note to an address that has none.
import type { Mail } from "./mail";

export function passwordResetCodeMail(to: string, code: string, validMinutes: number): Mail {
  return {
    to,
    subject: "Your Passkey Lab password reset code",
    text: [
      "Your code to reset your Passkey Lab password:",
      "",
      `    ${code}`,
      "",
      `Enter it on the reset page, in the browser where you asked for it. It works once, for ${validMinutes} minutes.`,
      "If your account has two-factor authentication, you will need your authenticator app or a recovery code too.",
      "After a reset, every other session is signed out and withdrawals wait 24 hours.",
      "",
      "If you did not ask for it, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

export function noAccountResetMail(to: string, origin: string): Mail {
  return {
    to,
    subject: "Passkey Lab password reset: no account with this address",
    text: [
      "Someone, perhaps you, asked to reset the Passkey Lab password of this email address, but it has no account,",
      "so there is nothing to reset.",
      "",
      `If you meant another address, try again with that one. To create an account: ${origin}/sign-up`,
      "",
      "If it wasn't you, you can ignore this mail.",
    ].join("\n"),
  };
}
