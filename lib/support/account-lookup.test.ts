// What support staff see of an account includes strangers' failed sign-ins, per hour with enumerated reasons (H61).
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { db } from "@/lib/db/client";
import { recordFailedSignIn } from "@/lib/auth/failed-sign-ins";
import { createAccount } from "@/test/accounts";
import { lookUpAccount } from "./account-lookup";

describe("lookUpAccount", () => {
  it("shows the account's failed sign-ins by strangers, counted, with the reasons", async () => {
    const staff = await createAccount();
    const account = await createAccount();
    for (const source of ["198.51.100.1", "198.51.100.2"]) {
      await recordFailedSignIn(db, { userId: account.user.id, reason: "passkey:origin", source });
    }
    const t = createTranslator({ locale: "en", messages: en, namespace: "events" });
    const seen = await lookUpAccount(staff.user, account.user.email, "Test browser", t);
    expect(seen?.failedSignIns.hours).toEqual([
      expect.objectContaining({
        sentence: "2 failed sign-ins from 2 addresses in the hour from {start} (last at {last})",
        reasons: "2 × signed for another origin (passkey:origin)",
      }),
    ]);
  });
});
