import type { Metadata } from "next";
import { connection } from "next/server";
import { SupportLink } from "@/components/support-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Passkey Lab", template: "%s · Passkey Lab" },
  description: "Try, test and troubleshoot passkeys.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next.js can put this response's CSP nonce on its scripts (decision 015); a page
  // prerendered at build time would carry none, and the browser would refuse all of its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <a href="/" className="font-semibold text-brand-700">
              Passkey Lab
            </a>
            <a href="/account" className="text-sm text-slate-700 hover:text-slate-950">
              Account
            </a>
            <a href="/wallet" className="text-sm text-slate-700 hover:text-slate-950">
              Wallet
            </a>
            <a href="/troubleshoot" className="text-sm text-slate-700 hover:text-slate-950">
              Troubleshoot
            </a>
            <a href="/conformance" className="text-sm text-slate-700 hover:text-slate-950">
              Conformance
            </a>
            <a href="/inspect" className="text-sm text-slate-700 hover:text-slate-950">
              Inspect
            </a>
            <SupportLink />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-4xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
