// The signed-in person's passkeys and where each lives, to answer "why is my passkey not on this device". A server
// component: the wizard shows it as it is; only the day a passkey was last used comes from LocalTime (the site's one
// date format, in the person's locale).
import { LocalTime } from "@/components/local-time";
import { Card } from "@/components/ui";
import { describeProvider } from "@/lib/compat/providers";
import { listPasskeys } from "@/lib/webauthn/passkeys";

export async function YourPasskeys({ userId }: { userId: string }) {
  const passkeys = (await listPasskeys(userId)).map((view) => {
    const provider = describeProvider(
      view.aaguid,
      { backupEligible: view.storage !== "device-bound", backedUp: view.storage === "synced" },
      view.transports,
    );
    return {
      id: view.id,
      label: view.label,
      provider: provider.name,
      storage: view.storage,
      lastUsedAt: view.lastUsedAt,
      lastUsedWith: view.lastUsedWith,
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
            <li key={passkey.id} className="flex flex-col gap-1 py-2">
              <span className="font-medium">
                {passkey.label} · {passkey.provider} · {passkey.storage} · last used{" "}
                {passkey.lastUsedAt ? (
                  <>
                    <LocalTime date={passkey.lastUsedAt} show="date" /> ({passkey.lastUsedWith})
                  </>
                ) : (
                  "never"
                )}
              </span>
              <span className="text-slate-700">{passkey.whyNotHere}</span>
              {passkey.fakesUserVerification && (
                <span className="text-amber-900">
                  Warning: this provider is known to report user verification without checking your PIN, fingerprint or
                  face.
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
