import { connection } from "next/server";
import { currentSession } from "@/lib/auth/session";
import { noJavaScriptFinding } from "@/lib/compat/findings-basics";
import { describeProvider } from "@/lib/compat/providers";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { Wizard, type MyPasskey } from "./wizard";

export const metadata = { title: "Troubleshoot passkeys" };

/** A signed-in person's passkeys, with where each lives, to answer "why is my passkey not on this device". */
async function myPasskeys(userId: string): Promise<MyPasskey[]> {
  return (await listPasskeys(userId)).map((view) => {
    const provider = describeProvider(view.aaguid, {
      backupEligible: view.storage !== "device-bound",
      backedUp: view.storage === "synced",
    });
    return {
      label: view.label,
      provider: provider.name,
      storage: view.storage,
      lastUsed: view.lastUsedAt ? `${view.lastUsedAt.toISOString().slice(0, 10)} (${view.lastUsedWith})` : "never",
      whyNotHere: provider.whyNotOnThisDevice,
      fakesUserVerification: provider.fakesUserVerification,
    };
  });
}

export default async function TroubleshootPage() {
  await connection();
  const session = await currentSession();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Troubleshoot passkeys</h1>
        <p className="text-slate-700">
          We check this browser, ask what goes wrong, try a passkey for real, and say what to do — in plain words.
        </p>
      </div>
      <noscript>
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{noJavaScriptFinding.title}</p>
          <p>{noJavaScriptFinding.meaning}</p>
          {noJavaScriptFinding.fix && <p>{noJavaScriptFinding.fix}</p>}
        </div>
      </noscript>
      <Wizard rpId={relyingParty.id} email={session?.user.email ?? null} myPasskeys={session ? await myPasskeys(session.user.id) : null} />
    </div>
  );
}
