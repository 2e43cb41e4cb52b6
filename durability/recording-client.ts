// The portal's client (test/portal-client.ts) with a record of every answer that must never reach a person, for
// durability tests that kill, restart and starve the server and then check that nobody saw it fail.
import { describeAnswer } from "@/test/portal-client";
import { DIST_DIR, ServerActionClient, type ActionResponse } from "@/test/server-action-client";

/** What a database that made someone wait too long says; it must never reach a person (security bar G54). */
export const BUSY_TEXT = /SQLITE_BUSY|database is locked/i;

/**
 * A ServerActionClient (on the build in NEXT_DIST_DIR) that notes every answer that must never reach a person: a 5xx,
 * or a body that mentions a busy database.
 */
export class RecordingClient extends ServerActionClient {
  answers = 0;
  readonly problems: string[] = [];

  /** `address`: the X-Forwarded-For a proxy would set, so that many simulated people are many clients for rate limits. */
  constructor(baseUrl: string, address?: string) {
    super(baseUrl, DIST_DIR, address ? { "X-Forwarded-For": address } : {});
  }

  override async call<T>(
    path: string,
    file: string,
    exportName: string,
    args: unknown[],
    options?: Parameters<ServerActionClient["call"]>[4],
  ): Promise<ActionResponse<T>> {
    const response = await super.call<T>(path, file, exportName, args, options);
    this.answers++;
    if (response.status >= 500 || BUSY_TEXT.test(response.body))
      this.problems.push(`${exportName} on ${this.baseUrl}: ${describeAnswer(response)}`);
    return response;
  }
}
