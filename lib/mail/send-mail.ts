// Sends mail through SMTP_URL when it is set, else keeps it in the local outbox. SMTP delivery runs after the answer
// has gone out (Next.js `after`): how long the mail server takes must not show in the answer's timing, which has to
// be the same whether the mail is a sign-up code or a notice to an account's owner (security bar H62).
import "server-only";
import { after } from "next/server";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import type { Mail } from "./mail";
import { keepInOutbox } from "./outbox";

let transporter: Transporter | undefined;

function smtp(url: string): Transporter {
  transporter ??= createTransport(url, { from: env.MAIL_FROM });
  return transporter;
}

export async function sendMail(mail: Mail): Promise<void> {
  const url = env.SMTP_URL;
  if (!url) {
    await keepInOutbox(mail);
    return;
  }
  after(async () => {
    try {
      await smtp(url).sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      // Never the mail itself: it may hold a code.
      console.error("[mail] SMTP delivery failed:", (error as { code?: string }).code ?? (error as Error).name);
    }
  });
}
