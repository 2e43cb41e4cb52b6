"use server";

// Where the page's reporter (lib/browser/report-ceremony.ts) sends what the browser saw of a passkey request. Open to
// everyone, since a failed sign-in comes from someone signed out: limited per client address and overall, parsed
// strictly (an event that is not one of ours is refused whole, with nothing stored), and owned by the session's
// account when there is one — never by anything the caller claims — and always by this browser's cookie.
import { answerSafely } from "@/lib/auth/action-guard";
import { allow, EVERYONE, limits, rateLimited, serverBusy } from "@/lib/auth/rate-limit";
import { currentSession } from "@/lib/auth/session";
import { requestSource } from "@/lib/request-client";
import { fail, ok, type Result } from "@/lib/result";
import { ensureBrowserHash } from "./browser-id";
import { browserEventSchema } from "./event-schema";
import { recordBrowserEvent } from "./store";

export async function reportBrowserEventAction(event: unknown): Promise<Result<null>> {
  return answerSafely(async () => {
    if (!(await allow(limits.browserEventPerClient, await requestSource()))) return rateLimited();
    if (!(await allow(limits.browserEventOverall, EVERYONE))) return serverBusy();
    const parsed = browserEventSchema.safeParse(event);
    if (!parsed.success) {
      // The path of the first refused field, never the value sent: this answer repeats nothing the caller wrote.
      const where = parsed.error.issues[0]?.path.join(".") || "event";
      return fail("browser-event:invalid", "browser-event.invalid", `refused at: ${where}`);
    }
    const session = await currentSession();
    await recordBrowserEvent(parsed.data, { userId: session?.user.id ?? null, browserHash: await ensureBrowserHash() });
    return ok(null);
  });
}
