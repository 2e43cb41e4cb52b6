"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { parseInput, withSession } from "@/lib/auth/action-guard";
import { recordEvent } from "@/lib/auth/audit";
import { transaction } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { ok, type Result } from "@/lib/result";
import { finishAutomaticRegistration, startAutomaticRegistration } from "@/lib/webauthn/automatic-registration";
import { unnamedPasskeyWords } from "@/lib/webauthn/passkey-words";

/** Options for the automatic passkey, only inside the session a password + authenticator-code sign-in started. */
export async function startAutomaticPasskeyAction() {
  return withSession((session) => startAutomaticRegistration(session));
}

export async function finishAutomaticPasskeyAction(ceremonyId: unknown, response: unknown) {
  return withSession(async (session, client) => {
    const id = parseInput(z.string().min(1).max(100), ceremonyId);
    if (!id.ok) return id;
    const words = unnamedPasskeyWords(await getTranslations("passkeys"));
    const result = await finishAutomaticRegistration(session, id.data, response, client, words);
    if (result.ok) revalidatePath("/account");
    return result;
  });
}

/** Turns the automatic passkey upgrade on or off for this account; the change is in the activity log. */
export async function setAutomaticUpgradeAction(on: unknown): Promise<Result> {
  return withSession(async ({ user }, client) => {
    const input = parseInput(z.boolean(), on);
    if (!input.ok) return input;
    await transaction(async (tx) => {
      await tx.update(users).set({ automaticPasskeyUpgrade: input.data }).where(eq(users.id, user.id));
      await recordEvent(tx, {
        userId: user.id,
        type: "automatic-upgrade.changed",
        client,
        detail: { automatic: input.data ? "on" : "off" },
      });
    });
    revalidatePath("/account");
    return ok();
  });
}
