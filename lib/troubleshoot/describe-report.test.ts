import { describe, expect, it } from "vitest";
import { healthySnapshot } from "@/lib/compat/test-snapshots";
import { describeReport } from "./describe-report";
import { redact } from "./redact";
import { reportV2Schema, storedReportSchema, type ReportContent, type ReportFacts } from "./report-content";

const zhReport: ReportFacts = {
  version: 2,
  locale: "zh",
  snapshot: {
    ...healthySnapshot(),
    serverReachable: "ok",
    cookieRoundTrip: "ok",
    clientCapabilities: { "extension:hmacCreateSecret": true, passkeyPlatformAuthenticator: true },
  },
  symptom: { id: "security-key", answers: { "has-pin": "no" } },
  liveTest: [
    {
      step: "create",
      ok: false,
      reason: "passkey:origin",
      checks: [{ field: "origin", ok: false, expected: "http://localhost:3000", received: "https://phishing.example" }],
    },
    { step: "get", ok: false, browserError: { name: "NotAllowedError" }, checks: [] },
  ],
};

describe("report version 2: facts only", () => {
  it("parses facts, and refuses words, unknown fields and unknown codes", () => {
    expect(storedReportSchema.safeParse(zhReport).success).toBe(true);
    const withWords = { ...zhReport, liveTest: [{ ...zhReport.liveTest![0], message: "我们的服务器拒绝了" }] };
    expect(reportV2Schema.safeParse(withWords).success).toBe(false);
    expect(reportV2Schema.safeParse({ ...zhReport, findings: [] }).success).toBe(false);
    expect(reportV2Schema.safeParse({ ...zhReport, locale: "de" }).success).toBe(false);
    const unknownError = {
      ...zhReport,
      liveTest: [{ step: "get", ok: false, browserError: { name: "Oops" }, checks: [] }],
    };
    expect(reportV2Schema.safeParse(unknownError).success).toBe(false);
    const unknownReason = {
      ...zhReport,
      liveTest: [{ step: "get", ok: false, reason: "anything at all", checks: [] }],
    };
    expect(reportV2Schema.safeParse(unknownReason).success).toBe(false);
  });

  it("holds nothing the redaction on save takes out, so a saved report still parses", () => {
    expect(redact(zhReport)).toEqual(zhReport);
  });

  it("describes a report saved in Chinese in the reader's English, naming the person's language", async () => {
    const { report, text } = await describeReport(zhReport, "en");
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.find((finding) => finding.id === "secure-context")?.status).toBe("ok");
    expect(report.symptom?.title).toBe("My security key does not work");
    expect(report.symptom?.answers).toEqual([{ question: "Has your security key got a PIN?", answer: "No" }]);
    expect(report.symptom?.steps.join(" ")).toContain("FIDO2");
    expect(report.liveTest?.[0]).toMatchObject({ message: "Our server refused the new passkey." });
    expect(report.liveTest?.[0]?.checks[0]).toMatchObject({
      field: "origin",
      received: "https://phishing.example",
      meaning: expect.stringContaining("a page we don't serve"),
    });
    expect(report.liveTest?.[1]).toMatchObject({
      message: "Your browser did not use the test passkey.",
      browserError: { name: "NotAllowedError", cause: expect.any(String), fix: expect.any(String) },
    });
    expect(text.language).toBe("The person used the wizard in Chinese (简体中文).");
    expect(text.checks).toBe("Automatic checks");
  });

  it("describes the same report in the reader's other languages", async () => {
    const inSpanish = await describeReport(zhReport, "es");
    expect(inSpanish.report.symptom?.title).toBe("Mi llave de seguridad no funciona");
    expect(inSpanish.text.language).toBe("La persona usó el asistente en chino (简体中文).");
    const inChinese = await describeReport(zhReport, "zh");
    expect(inChinese.report.liveTest?.[0]?.message).toBe("我们的服务器拒绝了新的通行密钥。");
    expect(inChinese.text.language).toBe("此人使用的向导语言：中文。");
    const inArabic = await describeReport(zhReport, "ar");
    expect(inArabic.report.symptom?.title).toBe("مفتاح الأمان لا يعمل");
  });

  it("still describes a version 1 report as it was saved", async () => {
    const v1: ReportContent = {
      version: 1,
      platform: { os: "Windows 11", browser: "Chrome 131", inAppBrowser: null },
      findings: [{ id: "secure-context", title: "Secure page", status: "ok", meaning: "Fine.", fix: null }],
      symptom: { id: "lost-device", title: "I lost or reset my device", answers: [], steps: ["Sign in another way."] },
    };
    expect(storedReportSchema.safeParse(v1).success).toBe(true);
    const { report, text } = await describeReport(v1, "es");
    expect(report).toEqual(v1);
    expect(text.language).toBeNull();
    expect(text.deviceLine).toBe("Chrome 131 en Windows 11");
  });
});
