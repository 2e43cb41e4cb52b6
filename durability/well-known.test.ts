// /.well-known/webauthn with related origins configured (RP_RELATED_ORIGINS), from `npm start` as browsers fetch it.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { newDatabase, removeDatabase } from "./database";
import { freePorts, originOf, startServer, stopAllServers } from "./servers";

const database = newDatabase();
afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

describe("related origins", () => {
  it("are served as WebAuthn L3 §5.11 asks: JSON { origins }, cacheable", async () => {
    const [port] = await freePorts(1);
    const related = ["https://shop.example", "https://example.co.uk"];
    const server = await startServer({
      port,
      databaseUrl: database.url,
      authSecret: database.authSecret,
      origins: [originOf(port)],
      env: { RP_RELATED_ORIGINS: related.join(",") },
    });
    const answer = await fetch(`${server.url}/.well-known/webauthn`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("application/json");
    expect(answer.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await answer.json()).toEqual({ origins: related });
  });
});
