import { Card, Field } from "@/components/ui";
import { requireSupport } from "@/lib/support/require-support";

export const metadata = { title: "Support console" };

export default async function SupportPage() {
  const { user } = await requireSupport();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Support console</h1>
        <p className="text-sm text-slate-600">Signed in as {user.email}. Everything here is read-only, and every lookup is logged.</p>
      </div>
      <Card title="Open a report">
        <form action="/support/reports" method="get" className="flex flex-wrap items-end gap-3">
          <Field id="code" name="code" label="Report code (as the person reads it)" placeholder="K7M-4QX" autoComplete="off" required />
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
            Open report
          </button>
        </form>
      </Card>
      <Card title="Look up an account">
        <form action="/support/accounts" method="get" className="flex flex-wrap items-end gap-3">
          <Field id="email" name="email" type="email" label="Email" autoComplete="off" required />
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
            Look up
          </button>
        </form>
      </Card>
    </div>
  );
}
