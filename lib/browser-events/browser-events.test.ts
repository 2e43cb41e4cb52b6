// Browser events: only enumerated values pass the schema, the store keeps a bounded number, a sign-in claims only this
// browser's recent signed-out events, the words come from our tables, and the sweeper deletes them after 30 days.
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { newToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { browserEvents } from "@/lib/db/schema";
import { sweepExpiredRows } from "@/lib/housekeeping/sweep-expired-rows";
import { createAccount } from "@/test/accounts";
import { browserEventSchema } from "./event-schema";
import {
  BROWSER_EVENTS_KEPT_MS,
  claimBrowserEvents,
  listBrowserEventsOfAccount,
  listBrowserEventsOfBrowser,
  MAX_PER_BROWSER,
  recordBrowserEvent,
} from "./store";
import type { BrowserEventReport } from "./vocabulary";
import { outcomeOf } from "./vocabulary";
import { browserEventFacts, browserEventSentence, browserEventTechnicalFacts } from "./words";

const DAY = 24 * 60 * 60_000;

const cancelledSignIn: BrowserEventReport = {
  ceremony: "sign-in",
  mediation: "modal",
  outcome: "NotAllowedError",
  durationMs: 4321,
  wrapped: false,
  capabilities: {
    secureContext: true,
    platformAuthenticator: true,
    conditionalMediation: true,
    hybridTransport: null,
    passkeyPlatformAuthenticator: false,
    signalApi: true,
  },
};

const countOf = async (browserHash: string) => db.$count(browserEvents, eq(browserEvents.browserHash, browserHash));

describe("the browser event schema", () => {
  it("accepts an event of enumerated values", () => {
    expect(browserEventSchema.safeParse(cancelledSignIn).success).toBe(true);
  });

  it.each([
    ["free text in an enumerated field", { outcome: "NotAllowedError: <b>call +1 555</b>" }],
    ["an unknown error name", { outcome: "EvilError" }],
    ["an unknown ceremony", { ceremony: "payment" }],
    ["a message beside the name", { message: "The user cancelled" }],
    ["a credential id", { credentialId: "AAAA" }],
    ["a whole credential", { response: { clientDataJSON: "eyJ0eXBlIjoi", authenticatorData: "SZYN" } }],
    ["a capability the list does not have", { capabilities: { ...cancelledSignIn.capabilities, prf: true } }],
    ["a capability as text", { capabilities: { ...cancelledSignIn.capabilities, signalApi: "yes" } }],
    ["a duration past 10 minutes", { durationMs: 600_001 }],
    ["a fractional duration", { durationMs: 1.5 }],
    ["a negative duration", { durationMs: -1 }],
  ])("refuses %s", (_what, change) => {
    expect(browserEventSchema.safeParse({ ...cancelledSignIn, ...change }).success).toBe(false);
  });

  it("names an error outside the list 'other', never by its name", () => {
    expect(outcomeOf(new DOMException("x", "NotAllowedError"))).toBe("NotAllowedError");
    expect(outcomeOf(Object.assign(new Error("x"), { name: "<script>" }))).toBe("other");
    expect(outcomeOf("a string")).toBe("other");
    expect(outcomeOf(null)).toBe("ok");
  });
});

describe("browser events in words", () => {
  const t = createTranslator({ locale: "en", messages: en, namespace: "events" });

  it("say what the browser did to which ceremony, and the facts beside it", () => {
    expect(browserEventSentence(cancelledSignIn, t)).toBe("Your browser cancelled a passkey sign-in");
    expect(browserEventFacts({ ...cancelledSignIn, wrapped: true }, t)).toEqual([
      "from a button",
      "after 4 s",
      "an extension had replaced the browser's passkey functions",
    ]);
    expect(browserEventTechnicalFacts(cancelledSignIn, t)).toContain("browser answer: NotAllowedError");
    expect(browserEventTechnicalFacts(cancelledSignIn, t)).toContain("phone as authenticator: unknown");
    expect(browserEventFacts({ ...cancelledSignIn, durationMs: 300, mediation: "conditional" }, t)).toEqual([
      "from the email field's suggestions (autofill)",
      "after under a second",
    ]);
    expect(browserEventFacts({ ...cancelledSignIn, durationMs: 700_000 }, t)).toContain("after 10 minutes or more");
  });

  it("read in the person's language, the ceremony whole inside the sentence", () => {
    const spanish = createTranslator({ locale: "es", messages: es, namespace: "events" });
    expect(browserEventSentence(cancelledSignIn, spanish)).toBe(
      "Tu navegador canceló un inicio de sesión con llave de acceso",
    );
    expect(browserEventFacts({ ...cancelledSignIn, durationMs: 125_000 }, spanish)).toEqual([
      "desde un botón",
      "tras 2 min",
    ]);
    const arabic = createTranslator({ locale: "ar", messages: ar, namespace: "events" });
    expect(browserEventSentence({ ceremony: "step-up", outcome: "ok" }, arabic)).toBe(
      "أكمل متصفحك التحقق بمفتاح المرور لتأكيد أنك أنت",
    );
  });

  it("read a stored value outside the lists as our words, never as itself", () => {
    const odd = { ...cancelledSignIn, ceremony: "<img src=x>", outcome: "<script>" };
    expect(browserEventSentence(odd, t)).toBe("Your browser failed at a passkey request");
    expect(browserEventTechnicalFacts(odd, t)).toContain("browser answer: other");
  });
});

describe("the browser event store", () => {
  it("keeps a signed-in event on the account and the browser, to the tenth of a second", async () => {
    const { user } = await createAccount();
    const browserHash = newToken();
    await recordBrowserEvent(cancelledSignIn, { userId: user.id, browserHash });
    const [event] = await listBrowserEventsOfAccount(user.id);
    expect(event).toMatchObject({ ceremony: "sign-in", outcome: "NotAllowedError", durationMs: 4300, browserHash });
  });

  it(`keeps a browser's last ${MAX_PER_BROWSER} events`, async () => {
    const browserHash = newToken();
    const start = Date.now() - 1000 * 60;
    for (let i = 0; i < MAX_PER_BROWSER + 5; i++)
      await recordBrowserEvent({ ...cancelledSignIn, durationMs: i * 100 }, { userId: null, browserHash }, start + i);
    expect(await countOf(browserHash)).toBe(MAX_PER_BROWSER);
    const [newest] = await listBrowserEventsOfBrowser(browserHash, new Date());
    expect(newest.durationMs).toBe((MAX_PER_BROWSER + 4) * 100);
  });

  it("gives a signing-in account this browser's signed-out events of the last day, and nobody else's", async () => {
    const { user } = await createAccount();
    const browserHash = newToken();
    const otherBrowser = newToken();
    const now = Date.now();
    await recordBrowserEvent(cancelledSignIn, { userId: null, browserHash }, now - 2 * DAY);
    await recordBrowserEvent(cancelledSignIn, { userId: null, browserHash }, now - 60_000);
    await recordBrowserEvent(cancelledSignIn, { userId: null, browserHash: otherBrowser }, now - 60_000);
    await claimBrowserEvents(browserHash, user.id, now);
    const claimed = await listBrowserEventsOfAccount(user.id);
    expect(claimed).toHaveLength(1);
    expect(claimed[0].browserHash).toBe(browserHash);
  });

  it("is swept 30 days after each event (README: kept 30 days)", async () => {
    const browserHash = newToken();
    const now = Date.now();
    await recordBrowserEvent(cancelledSignIn, { userId: null, browserHash }, now);
    await sweepExpiredRows(now + BROWSER_EVENTS_KEPT_MS - 60_000);
    expect(await countOf(browserHash)).toBe(1);
    await sweepExpiredRows(now + BROWSER_EVENTS_KEPT_MS + 60_000);
    expect(await countOf(browserHash)).toBe(0);
  });
});
