// The account page's card for the note only a passkey can open; loads what it shows itself, so the page adds one line.
import { Card } from "@/components/ui";
import { findNoteSummary } from "@/lib/notes/passkey-notes";
import { PasskeyNote } from "./passkey-note";

export async function PasskeyNoteCard({ userId, hasPasskeys }: { userId: string; hasPasskeys: boolean }) {
  const note = await findNoteSummary(userId);
  return (
    <Card title="A note only your passkey can open" id="passkey-note">
      <PasskeyNote
        note={note && { passkeyLabel: note.passkeyLabel, sealedAt: note.sealedAt }}
        hasPasskeys={hasPasskeys}
      />
    </Card>
  );
}
