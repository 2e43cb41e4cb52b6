import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { outboxMails } from "@/lib/db/schema";
import { keepInOutbox, OUTBOX_RETENTION_MS } from "./outbox";

describe("the local outbox", () => {
  it("keeps mail and prints it for the terminal, and forgets mail older than 24 hours", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const now = Date.now();
    await keepInOutbox(
      { to: "old@test.example", subject: "Old", text: "from yesterday" },
      now - OUTBOX_RETENTION_MS - 1,
    );
    await keepInOutbox({ to: "new@test.example", subject: "New", text: "code 123456" }, now);
    expect(
      await db.query.outboxMails.findFirst({ where: eq(outboxMails.recipient, "old@test.example") }),
    ).toBeUndefined();
    expect(
      await db.query.outboxMails.findFirst({ where: eq(outboxMails.recipient, "new@test.example") }),
    ).toMatchObject({ subject: "New", body: "code 123456" });
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining("To: new@test.example\nSubject: New\n\ncode 123456"));
    log.mockRestore();
  });
});
