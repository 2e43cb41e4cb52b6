"use client";

import Link from "next/link";
import { Button } from "@/components/ui";

/** Recovery codes, the only time they are shown: to copy, download or write down. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const text = codes.join("\n");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Save these recovery codes somewhere safe. Each works once, if you lose your phone. They are shown only now.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-4 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={() => void navigator.clipboard.writeText(text)}>
          Copy codes
        </Button>
        <a
          className="inline-flex items-center rounded-md border border-slate-300 px-4 py-2 text-sm font-medium"
          download="passkey-lab-recovery-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        >
          Download codes
        </a>
        <Link
          href="/account"
          className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
        >
          I saved them — continue
        </Link>
      </div>
    </div>
  );
}
