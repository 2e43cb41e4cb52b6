// The two mails a sign-up sends: a code to a new address, a notice to the owner of an address that has an account.
import type { Mail } from "./mail";

export function signUpCodeMail(to: string, code: string, validMinutes: number): Mail {
  return {
    to,
    subject: "Your Passkey Lab sign-up code",
    text: [
      "Your code to finish creating your Passkey Lab account:",
      "",
      `    ${code}`,
      "",
      `Enter it on the sign-up page, in the browser where you started. It works once, for ${validMinutes} minutes.`,
      "",
      "If you did not ask for it, ignore this mail: no account is created without the code.",
    ].join("\n"),
  };
}

export function existingAccountNoticeMail(to: string, origin: string): Mail {
  return {
    to,
    subject: "Someone tried to create a Passkey Lab account with your address",
    text: [
      "Someone, perhaps you, tried to create a Passkey Lab account with this email address. You already have an",
      "account, so no new one was created and nothing on yours changed.",
      "",
      `If it was you, sign in at ${origin}/sign-in with your password or a passkey. If you cannot sign in,`,
      `${origin}/troubleshoot helps, and can save a report for support.`,
      "",
      "If it wasn't you, you can ignore this mail.",
    ].join("\n"),
  };
}
