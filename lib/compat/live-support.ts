// What the browser itself answered, per matrix capability. A live yes beats the version table: the table cannot see
// OS feature updates or backports, while the browser knows what it can do. A live no is left to the finding for that
// check (autofill, signal-api, ...), which says why; null means the page could not ask.
import { normaliseCapabilities } from "./client-capability-keys";
import type { EnvironmentSnapshot } from "./snapshot";
import type { Capability } from "./support-matrix";

const allTrue = (flags: Record<string, boolean> | null | undefined) =>
  flags ? Object.values(flags).every(Boolean) : null;

export function liveSupport(capability: Capability, snapshot: EnvironmentSnapshot): boolean | null {
  const reported = snapshot.clientCapabilities ? normaliseCapabilities(snapshot.clientCapabilities).capabilities : {};
  switch (capability) {
    case "autofill":
      return snapshot.conditionalMediation ?? reported.conditionalGet ?? null;
    case "conditional-create":
      return reported.conditionalCreate ?? null;
    case "hybrid":
      return reported.hybridTransport ?? null;
    case "related-origins":
      return reported.relatedOrigins ?? null;
    case "signal-api":
      return allTrue(snapshot.signalApi) ?? reported.signalAllAcceptedCredentials ?? null;
    case "json-helpers":
      return allTrue(snapshot.jsonHelpers);
    case "get-client-capabilities":
      return snapshot.clientCapabilities ? true : null;
    case "is-conditional-mediation-available":
      return typeof snapshot.conditionalMediation === "boolean" ? true : null;
    default:
      return null; // Synced passkeys, third-party managers and hints have no live signal.
  }
}
