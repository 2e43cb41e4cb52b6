"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui";
import { reachServer } from "@/lib/browser/server-unreachable";
import { setAutomaticUpgradeAction } from "./automatic-upgrade-actions";

export type AutomaticUpgradeText = {
  name: string;
  on: string;
  off: string;
  turnOn: string;
  turnOff: string;
  explanation: string;
};

/** The switch for the automatic passkey upgrade (lib/webauthn/automatic-registration.ts). */
export function AutomaticUpgradeSetting({ on, text }: { on: boolean; text: AutomaticUpgradeText }) {
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
        <span>
          {text.name} {on ? <Badge tone="good">{text.on}</Badge> : <Badge>{text.off}</Badge>}
        </span>
        <button type="button" onClick={toggle} disabled={pending} className="text-brand-700 underline">
          {on ? text.turnOff : text.turnOn}
        </button>
      </div>
      <p className="text-slate-600">{text.explanation}</p>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
