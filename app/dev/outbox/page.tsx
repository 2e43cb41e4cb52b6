import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { listOutbox } from "@/lib/mail/outbox";
import { LocalTime } from "@/components/local-time";

export const metadata = { title: "Outbox (development)" };

/**
 * The mail this server kept instead of sending (no SMTP_URL), for `next dev` only. Anywhere else it is a 404: the
 * outbox holds sign-up codes and the notices that tell an account exists, so a stranger who could read it would
 * learn which addresses have accounts (docs/decisions/014).
 */
export default async function OutboxPage() {
  await connection();
  if (env.NODE_ENV !== "development") notFound();
  const mails = await listOutbox();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Outbox</h1>
        <p className="text-sm text-slate-600">
          Mail this development server kept instead of sending (no <code>SMTP_URL</code>); newest first, kept 24 hours.
        </p>
      </div>
      {mails.length === 0 ? (
        <p className="text-sm text-slate-600">No mail yet.</p>
      ) : (
        <ul aria-label="Mail" className="flex flex-col gap-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
              <p>
                <strong>To:</strong> {mail.recipient}
              </p>
              <p>
                <strong>Subject:</strong> {mail.subject}
              </p>
              <p className="text-xs text-slate-500">
                <LocalTime date={mail.createdAt} />
              </p>
              <pre className="mt-2 whitespace-pre-wrap font-sans">{mail.body}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
