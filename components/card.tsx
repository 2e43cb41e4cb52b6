// A titled section: the unit every page is laid out in.
import type { ReactNode } from "react";

/** `id`: an anchor others link to (e.g. /account#passkeys, from /.well-known/passkey-endpoints). */
export function Card({
  title,
  children,
  actions,
  id,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  id?: string;
}) {
  return (
    <section id={id} aria-label={title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
