import { connection } from "next/server";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { ReportCard } from "./report-card";

export const metadata = { title: "Browser and authenticator report card" };

export default async function ReportCardPage() {
  await connection();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Browser and authenticator report card</h1>
        <p className="text-slate-700">
          Find out what your browser and your authenticator (this device, a phone, a security key or a password manager)
          really do with passkeys: each step below makes or uses a test credential with one set of options, and shows
          what came back — supported, not supported, or the error in plain words.
        </p>
        <p className="text-slate-700">
          No account is needed and nothing is stored on our server: it reads each answer and forgets it. Each step asks
          your device for at most one thing, and says what before you click.
        </p>
        <p className="text-slate-700">
          Every step uses the same test account, so the page leaves at most one test passkey, for{" "}
          <strong>passkeylab report card</strong>, in each passkey manager or security key you use here (a new one
          replaces the old). It signs in to nothing: delete it from your passkey manager or security key settings
          whenever you like.
        </p>
      </div>
      <ReportCard rpId={relyingParty.id} />
    </div>
  );
}
