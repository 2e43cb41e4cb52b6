"use client";

import Link from "next/link";
import { Button } from "@/components/ui";

/** The list's words in the page's language, translated on the server (text.ts; decision 027). */
export type RecoveryCodeListText = { save: string; list: string; copy: string; download: string; saved: string };

/** Recovery codes, the only time they are shown: to copy, download or write down. */
export function RecoveryCodeList({ codes, text: t }: { codes: string[]; text: RecoveryCodeListText }) {
  const text = codes.join("\n");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t.save}</p>
      <ul aria-label={t.list} className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-4 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={() => void navigator.clipboard.writeText(text)}>
          {t.copy}
        </Button>
        <a
          className="inline-flex items-center rounded-md border border-slate-300 px-4 py-2 text-sm font-medium"
          download="passkey-lab-recovery-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        >
          {t.download}
        </a>
        <Link
          href="/account"
          className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
        >
          {t.saved}
        </Link>
      </div>
    </div>
  );
}
