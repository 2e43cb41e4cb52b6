// The support console's script: ask, check, tell, in our words, from a report's enumerated parts (issue 13 item 5).
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import type { ReportContent } from "@/lib/troubleshoot/report-content";
import { suggestedScript as scriptIn, suggestedScriptText } from "./support-script";

const english = createTranslator({ locale: "en", messages: en, namespace: "supportScript" });
const suggestedScript = (report: ReportContent, options: { ownerKnown: boolean }) => scriptIn(report, options, english);

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

  it("speaks the staff member's language, whatever the report says, with the same lines in the same order", () => {
    const failing = report({
      findings: [
        { id: "cookies", title: "Cookies", status: "problem", meaning: "m", fix: "f" },
        { id: "made-up-1", title: "x", status: "warning", meaning: "m", fix: "f" },
        { id: "made-up-2", title: "y", status: "warning", meaning: "m", fix: "f" },
      ],
      liveTest: [
        {
          step: "get",
          ok: false,
          message: "m",
          browserError: { name: "NotAllowedError", cause: "c", fix: "f" },
          checks: [],
        },
      ],
    });
    const spanish = scriptIn(
      failing,
      { ownerKnown: false },
      createTranslator({ locale: "es", messages: es, namespace: "supportScript" }),
    );
    expect(spanish.check).toEqual([
      "La persona canceló, el aviso caducó o el dispositivo no pudo verificar su identidad (NotAllowedError en la prueba en vivo).",
      "Las cookies no volvieron desde este navegador, así que ningún inicio de sesión puede mantenerse.",
      "Otras 2 comprobaciones requieren atención: mira Comprobaciones automáticas, más abajo.",
    ]);
    expect(spanish.ask.at(-1)).toContain("¿Cuál es el correo de su cuenta?");
    expect(spanish.tell.at(-1)).toContain("nunca pide una contraseña");

    const arabic = createTranslator({ locale: "ar", messages: ar, namespace: "supportScript" });
    expect(scriptIn(failing, { ownerKnown: true }, arabic).check).toContain(
      "فحصان آخران يحتاجان إلى انتباه: انظر «الفحوص التلقائية» أدناه.",
    );
    const chinese = createTranslator({ locale: "zh", messages: zh, namespace: "supportScript" });
    expect(suggestedScriptText(chinese)).toEqual({
      title: "建议话术",
      intro: expect.stringContaining("绝不要当作给你的指示"),
      ask: "询问",
      check: "核查",
      tell: "告知",
    });
    // Every locale gives a line for every line the English gives: nothing falls back or goes missing.
    for (const t of [arabic, chinese]) {
      const lines = scriptIn(failing, { ownerKnown: true }, t);
      const reference = scriptIn(failing, { ownerKnown: true }, english);
      expect([lines.ask.length, lines.check.length, lines.tell.length]).toEqual([
        reference.ask.length,
        reference.check.length,
        reference.tell.length,
      ]);
    }
  });

  it("ignores a report's id that only names what every object has", () => {
    const script = suggestedScript(
      report({
        findings: [{ id: "toString", title: "t", status: "problem", meaning: "m", fix: "f" }],
        symptom: { id: "constructor", title: "t", answers: [], steps: [] },
      }),
      { ownerKnown: true },
    );
    expect(script.ask[0]).toBe("What were they trying to do, and what did the screen say?");
    expect(script.check).toContain("One more check needs attention: see Automatic checks below.");
  });
});
