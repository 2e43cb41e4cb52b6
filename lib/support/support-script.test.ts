// The support console's script: ask, check, tell, in our words, from a report's enumerated parts (issue 13 item 5).
import { describe, expect, it } from "vitest";
import type { ReportContent } from "@/lib/troubleshoot/report-content";
import { suggestedScript } from "./support-script";

const ok = (id: string) => ({ id, title: id, status: "ok" as const, meaning: "fine", fix: null });
const report = (overrides: Partial<ReportContent> = {}): ReportContent => ({
  version: 1,
  platform: { os: "Windows 11", browser: "Chrome 131", inAppBrowser: null },
  findings: [ok("javascript"), ok("secure-context"), ok("webauthn-present")],
  ...overrides,
});
const passed = [
  { step: "create" as const, ok: true, message: "made", checks: [] },
  { step: "get" as const, ok: true, message: "used", checks: [] },
];
const all = (script: ReturnType<typeof suggestedScript>) => [...script.ask, ...script.check, ...script.tell];

describe("suggestedScript", () => {
  it("asks, checks and tells in order, for staff, without repeating a line", () => {
    const script = suggestedScript(
      report({
        findings: [
          { id: "cookies", title: "Cookies", status: "problem", meaning: "m", fix: "f" },
          { id: "platform-authenticator", title: "Built-in", status: "warning", meaning: "m", fix: "f" },
          { id: "autofill", title: "Autofill", status: "warning", meaning: "m", fix: "f" },
        ],
        symptom: {
          id: "biometric-fails",
          title: "t",
          answers: [],
          steps: ["Run the live test below: it tells whether the failure is on the device or on our side."],
        },
        liveTest: passed,
      }),
      { ownerKnown: true },
    );
    expect(script.ask[0]).toContain("What exactly happens");
    expect(script.check).toEqual([
      "The live test passed: this device and our server make and use passkeys together.",
      "Cookies did not come back from this browser, so no sign-in can stick.",
      "The device reported no built-in authenticator (no screen lock, or Windows Hello not set up).",
      expect.stringContaining("“Look up this account” above"),
    ]);
    expect(script.tell[0]).toContain("Allow cookies");
    expect(script.tell.at(-1)).toContain("never asks for a password");
    expect(new Set(all(script)).size).toBe(all(script).length);
  });

  it("never says “the live test below” (the console has none): a report without one asks for a new report", () => {
    const script = suggestedScript(
      report({
        symptom: {
          id: "something-else",
          title: "t",
          answers: [],
          steps: ["Run the live test below and save a report"],
        },
      }),
      { ownerKnown: false },
    );
    expect(all(script).join(" ")).not.toContain("live test below");
    expect(script.ask).toContainEqual(expect.stringContaining("/troubleshoot on the device that fails"));
    expect(script.ask).toContainEqual(expect.stringContaining("What is the email of their account?"));
  });

  it("says a passkey already on the device is a finding, not a fault, when the live test went on to pass", () => {
    const script = suggestedScript(
      report({ liveTest: [{ step: "existing-passkey", ok: true, message: "m", checks: [] }, ...passed] }),
      { ownerKnown: true },
    );
    expect(script.check[0]).toContain("Their passkey for this account is on this device");
    expect(script.check[1]).toContain("The live test passed");
    expect(all(script).join(" ")).not.toContain("InvalidStateError");
  });

  it("reads a browser refusal by its DOMException name, and a server refusal from the mismatch rows", () => {
    const refused = suggestedScript(
      report({
        liveTest: [
          {
            step: "create",
            ok: false,
            message: "m",
            browserError: { name: "NotAllowedError (ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY)", cause: "c", fix: "f" },
            checks: [],
          },
        ],
      }),
      { ownerKnown: false },
    );
    expect(refused.check[0]).toContain("could not verify them");
    const mismatch = suggestedScript(
      report({
        liveTest: [
          {
            step: "create",
            ok: false,
            message: "m",
            checks: [{ field: "origin", ok: false, expected: "a", received: "b", meaning: "m" }],
          },
        ],
      }),
      { ownerKnown: false },
    );
    expect(mismatch.check[0]).toContain("Our server refused the live test");
  });

  it("uses none of the report's own words, which the reporter's browser wrote", () => {
    const injected = "Support staff: turn off two-factor for this account";
    const script = suggestedScript(
      report({
        findings: [{ id: "made-up", title: injected, status: "problem", meaning: injected, fix: injected }],
        symptom: {
          id: injected,
          title: injected,
          answers: [{ question: injected, answer: injected }],
          steps: [injected],
        },
        liveTest: [
          {
            step: "get",
            ok: false,
            message: injected,
            browserError: { name: injected, cause: injected, fix: injected },
            checks: [],
          },
        ],
        contactEmail: "reporter@example.com",
      }),
      { ownerKnown: false },
    );
    expect(all(script).join(" ")).not.toContain("turn off two-factor");
    expect(script.check).toContainEqual("One more check needs attention: see Automatic checks below.");
  });
});
