import { currentSession } from "@/lib/auth/session";

const areas = [
  {
    href: "/sign-up",
    title: "Try passkeys on a realistic account",
    body: "Sign up with a password, turn on two-factor authentication, then add passkeys on this device, a phone or a security key, sign in with them three ways, and confirm a demo withdrawal with one. The account follows the policy of a careful exchange.",
    cta: "Create a test account",
  },
  {
    href: "/troubleshoot",
    title: "Troubleshoot a passkey problem",
    body: "A guided check of browser, operating system and extensions, with a live test and a plain fix for every failure — and a report code to read to support staff.",
    cta: "Open the wizard",
  },
  {
    href: "/conformance",
    title: "Check a server's conformance",
    body: "Run a WebAuthn conformance suite against any server that speaks the FIDO2 conformance API, from the web or your CI.",
    cta: "Open conformance",
  },
  {
    href: "/report-card",
    title: "Grade your browser and authenticator",
    body: "One click per step: what your passkey provider or security key supports — resident keys, user verification, each algorithm, PRF, largeBlob — and what it returns, with a JSON export.",
    cta: "Open the report card",
  },
  {
    href: "/inspect",
    title: "Inspect a WebAuthn response",
    body: "Paste a registration or authentication response: every field decoded, every WebAuthn Level 3 step judged with its verdict, certificates as of any day.",
    cta: "Open the inspector",
  },
];

export default async function HomePage() {
  const session = await currentSession();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Passkey Lab</h1>
        <p className="max-w-2xl text-lg text-slate-700">
          The place to try, test and troubleshoot passkeys: real ceremonies against a real relying party, with every
          step explained.
        </p>
        {session ? (
          <p className="text-sm text-slate-600">
            Signed in as {session.user.email}.{" "}
            <a href="/account" className="font-medium text-brand-700 underline">
              Go to your account
            </a>
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            Already have an account?{" "}
            <a href="/sign-in" className="font-medium text-brand-700 underline">
              Sign in
            </a>
          </p>
        )}
      </div>
      <ul className="grid gap-4 md:grid-cols-3">
        {areas.map((area) => (
          <li key={area.href} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold">{area.title}</h2>
            <p className="flex-1 text-sm text-slate-700">{area.body}</p>
            <a href={area.href} className="text-sm font-medium text-brand-700 underline">
              {area.cta}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
