// What support staff see of an account: read-only, secrets never included, and every lookup is itself logged. Only
// a console action calls this (a cross-site-proof POST), so no page another site opens can write lookups into the
// log (security bar H61, D34).
import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { totpFactors, type User } from "@/lib/db/schema";
import { listEvents, recordEvent } from "@/lib/auth/audit";
import { listBrowserEventsOfAccount } from "@/lib/browser-events/store";
import { failedSignInsText, type FailedSignInsText } from "@/lib/auth/failed-sign-in-words";
import { listFailedSignIns } from "@/lib/auth/failed-sign-ins";
import { isLocked } from "@/lib/auth/lockout";
import { countOpenTrustedDevices } from "@/lib/auth/trusted-devices";
import { findUserByEmail } from "@/lib/auth/users";
import type { Translator } from "@/lib/i18n/translator";
import { readAuthenticatorMetadata, type MdsBlobLabel } from "@/lib/mds/authenticator-metadata";
import { listPasskeys, type PasskeyView } from "@/lib/webauthn/passkeys";
import { browserEventForSupport, mergeTimeline, serverEventForSupport, type EventForSupport } from "./timeline";

export type AccountForSupport = {
  email: string;
  createdAt: Date;
  hasPassword: boolean;
  hasTotp: boolean;
  /** When the lock for new browsers ends (null: not locked); browsers that signed in before have their own. */
  lockedUntil: Date | null;
  /** Browsers that signed in before and can still sign in: not expired, not locked themselves. */
  trustedDevices: number;
  passkeys: PasskeyView[];
  /** Which FIDO metadata BLOB described those passkeys, or null: none stored. */
  metadataBlob: MdsBlobLabel;
  /**
   * One timeline: the server's events, including `verdict` (the verifier's exact words behind the generic message the
   * person saw), beside what the browser saw of each passkey request while signed in to this account.
   */
  events: EventForSupport[];
  /** Failed sign-ins by callers who were not signed in, per hour, with enumerated reasons (security bar 61). */
  failedSignIns: FailedSignInsText;
};

/** `t`: the staff member's language, for the timeline's words (getTranslations in the console's action). */
export async function lookUpAccount(
  staff: User,
  email: string,
  client: string,
  t: Translator<"events">,
): Promise<AccountForSupport | null> {
  const account = await findUserByEmail(email);
  await recordEvent(db, {
    userId: staff.id,
    type: "support.lookup",
    client,
    detail: { email, found: account ? "yes" : "no" },
  });
  if (!account) return null;
  const totp = await db.query.totpFactors.findFirst({
    where: and(eq(totpFactors.userId, account.id), isNotNull(totpFactors.enabledAt)),
    columns: { userId: true },
  });
  const events = await listEvents(account.id, 50);
  return {
    email: account.email,
    createdAt: account.createdAt,
    hasPassword: account.passwordHash !== null,
    hasTotp: Boolean(totp),
    lockedUntil: isLocked(account) ? account.lockedUntil : null,
    trustedDevices: await countOpenTrustedDevices(account.id),
    passkeys: await listPasskeys(account.id),
    metadataBlob: (await readAuthenticatorMetadata()).blob,
    events: mergeTimeline(
      events.map((event) => serverEventForSupport(event, t)),
      (await listBrowserEventsOfAccount(account.id, 50)).map((event) => browserEventForSupport(event, t)),
    ),
    failedSignIns: failedSignInsText(await listFailedSignIns(account.id), t, true),
  };
}
