"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui";
import { reachServer } from "@/lib/browser/server-unreachable";
import { setAutomaticUpgradeAction } from "./automatic-upgrade-actions";

/** The switch for the automatic passkey upgrade (lib/webauthn/automatic-registration.ts). */
export function AutomaticUpgradeSetting({ on }: { on: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function toggle() {
    startTransition(async () => {
      const result = await reachServer(setAutomaticUpgradeAction(!on));
      setError(result.ok ? null : result.message);
    });
  }
  return (
    <li className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>Automatic passkey upgrade {on ? <Badge tone="good">On</Badge> : <Badge>Off</Badge>}</span>
        <button type="button" onClick={toggle} disabled={pending} className="text-brand-700 underline">
          {on ? "Turn off automatic upgrade" : "Turn on automatic upgrade"}
        </button>
      </div>
      <p className="text-slate-600">
        After you sign in with your password and an authenticator code, a browser that can (Chrome, Safari) lets your
        password manager save a passkey for this account without asking. It shows as “added automatically”.
      </p>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
