// The account page's card for the note only a passkey can open; loads what it shows itself, so the page adds one line.
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { findNoteSummary } from "@/lib/notes/passkey-notes";
import { passkeyNoteText } from "./account-text";
import { PasskeyNote } from "./passkey-note";

export async function PasskeyNoteCard({ userId, hasPasskeys }: { userId: string; hasPasskeys: boolean }) {
  const [note, t, text, locale] = await Promise.all([
    findNoteSummary(userId),
    getTranslations("passkeyNote"),
    passkeyNoteText(),
    getLocale(),
  ]);
  return (
    <Card title={t("title")} id="passkey-note">
      <PasskeyNote
        note={note && { passkeyLabel: note.passkeyLabel, sealedAt: note.sealedAt }}
        hasPasskeys={hasPasskeys}
        text={text}
        locale={locale}
      />
    </Card>
  );
}
