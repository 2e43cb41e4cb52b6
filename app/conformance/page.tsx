import Link from "next/link";

export const metadata = { title: "Conformance suite" };

export default function ComingSoonPage() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Conformance suite</h1>
      <p className="text-slate-700">Coming soon. Meanwhile, try passkeys on a test account.</p>
      <Link href="/sign-up" className="font-medium text-brand-700 underline">
        Create a test account
      </Link>
    </div>
  );
}
