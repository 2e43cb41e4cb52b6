// The signed-in person's passkeys and where each lives, to answer "why is my passkey not on this device". A server
// component: the wizard shows it as it is, so none of it needs to be in the page's script.
import { Card } from "@/components/ui";
import { describeProvider } from "@/lib/compat/providers";
import { listPasskeys } from "@/lib/webauthn/passkeys";

export async function YourPasskeys({ userId }: { userId: string }) {
  const passkeys = (await listPasskeys(userId)).map((view) => {
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
  return (
    <Card title="Your passkeys">
      {passkeys.length === 0 ? (
        <p className="text-sm text-slate-600">Your account has no passkeys yet.</p>
      ) : (
        <ul aria-label="Your passkeys and where they live" className="flex flex-col divide-y divide-slate-100 text-sm">
          {passkeys.map((passkey) => (
            <li key={passkey.label + passkey.lastUsed} className="flex flex-col gap-1 py-2">
              <span className="font-medium">
                {passkey.label} · {passkey.provider} · {passkey.storage} · last used {passkey.lastUsed}
              </span>
              <span className="text-slate-700">{passkey.whyNotHere}</span>
              {passkey.fakesUserVerification && (
                <span className="text-amber-900">
                  Warning: this provider is known to report user verification without checking your PIN, fingerprint or face.
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
