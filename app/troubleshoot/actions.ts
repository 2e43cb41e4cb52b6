"use server";

import { getLocale, getTranslations } from "next-intl/server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import { allow, EVERYONE, limits, rateLimited, serverBusy } from "@/lib/auth/rate-limit";
import { currentSession } from "@/lib/auth/session";
import { evaluateEnvironment } from "@/lib/compat/findings";
import { detectPlatform } from "@/lib/compat/platform";
import { environmentSnapshotSchema } from "@/lib/compat/snapshot";
import { findingTranslators } from "@/lib/compat/translators";
import { readBrowserHash } from "@/lib/browser-events/browser-id";
import { requestSource } from "@/lib/request-client";
import { fail, ok, type Result } from "@/lib/result";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { hasRoomForReport, reportStoreFull } from "@/lib/troubleshoot/report-ceiling";
import { describeLiveStep, type LiveTestStepWords } from "@/lib/troubleshoot/live-test-words";
import { reportV2Schema, type LiveTestStepFact } from "@/lib/troubleshoot/report-content";
import { isKnownAnswer, symptomSteps } from "@/lib/troubleshoot/symptoms";
import { REPORT_MAX_BYTES, saveReport as storeReport } from "@/lib/troubleshoot/reports";
import {
  finishLiveAuthentication,
  finishLiveRegistration,
  startLiveAuthentication,
  startLiveRegistration,
  type Verdict,
} from "@/lib/troubleshoot/live-test";

// The wizard is open to everyone, signed in or not: these actions touch no account.
const testId = z.string().min(1).max(100);

const symptomInput = z.strictObject({
  snapshot: environmentSnapshotSchema,
  id: z.string().max(80),
  answers: z.record(z.string().max(80), z.string().max(80)),
});

/**
 * A symptom path's steps for this device, in the page's language: the words and the rules stay on the server (the
 * page's script carries only the questions). Judged from the same snapshot as the checks, as a saved report is.
 */
export async function symptomStepsAction(input: unknown): Promise<Result<string[]>> {
  return answerSafely(async () => {
    const parsed = parseInput(symptomInput, input);
    if (!parsed.ok) return parsed;
    const { snapshot, id, answers } = parsed.data;
    if (!isKnownAnswer(id, answers)) return fail("input:invalid", "input.pick-every-answer");
    const platform = detectPlatform(snapshot);
    const [t, translators] = await Promise.all([getTranslations("symptoms"), findingTranslators()]);
    const findings = evaluateEnvironment(snapshot, platform, translators);
    return ok(symptomSteps({ symptoms: t, fixSteps: translators.fixSteps }, id, platform, findings, answers));
  });
}

/** A live test step as the page shows it (in its language) and as a report keeps it (facts only). */
export type LiveStepAnswer = { fact: LiveTestStepFact; words: LiveTestStepWords; detail?: string };

async function answerFor(step: "create" | "get", verdict: Verdict): Promise<LiveStepAnswer> {
  const { detail, ...rest } = verdict;
  const fact: LiveTestStepFact = { step, ...rest };
  const words = describeLiveStep(await getTranslations("liveTest"), fact, await getLocale());
  return detail === undefined ? { fact, words } : { fact, words, detail };
}

/**
 * For a signed-in person, their passkeys are excluded at first: a device that already holds one says so
 * (InvalidStateError), which the page records as a finding and then asks again with `excludeOwn` false, so that the
 * sign-in half still runs on a throwaway passkey.
 */
export async function startLiveTestAction(excludeOwn: unknown = true) {
  return answerSafely(async () => {
    const input = parseInput(z.boolean(), excludeOwn);
    if (!input.ok) return input;
    if (!(await allow(limits.liveTestPerClient, await requestSource()))) return rateLimited();
    if (!(await allow(limits.liveTestOverall, EVERYONE))) return serverBusy();
    const session = await currentSession();
    const exclude = session && input.data ? await listPasskeys(session.user.id) : [];
    return { ok: true as const, data: await startLiveRegistration(exclude) };
  });
}

/**
 * The live test's steps answer like every other action: a Result, so the page reaches them through reachServer. A
 * refused passkey is no failure of the action: it is a verdict (ok: true, data: { ok: false, … }).
 */
export async function finishLiveRegistrationAction(id: unknown, response: unknown): Promise<Result<LiveStepAnswer>> {
  return answerSafely(async () => {
    const input = parseInput(testId, id);
    return input.ok ? ok(await answerFor("create", await finishLiveRegistration(input.data, response))) : input;
  });
}

export async function startLiveSignInAction(id: unknown): Promise<Result<PublicKeyCredentialRequestOptionsJSON>> {
  return answerSafely(async () => {
    const input = parseInput(testId, id);
    if (!input.ok) return input;
    const options = await startLiveAuthentication(input.data);
    return options ? ok(options) : fail("challenge:invalid", "challenge.live-test-expired");
  });
}

export async function finishLiveSignInAction(id: unknown, response: unknown): Promise<Result<LiveStepAnswer>> {
  return answerSafely(async () => {
    const input = parseInput(testId, id);
    return input.ok ? ok(await answerFor("get", await finishLiveAuthentication(input.data, response))) : input;
  });
}

/** Saves the report (version 2: facts only, docs/decisions/028); a signed-in person's report is linked to their account for support staff. */
export async function saveReportAction(content: unknown): Promise<Result<{ code: string }>> {
  return answerSafely(() => saveReport(content));
}

async function saveReport(content: unknown): Promise<Result<{ code: string }>> {
  if (!(await allow(limits.reportPerClient, await requestSource()))) return rateLimited();
  if (!(await hasRoomForReport())) return reportStoreFull();
  if (JSON.stringify(content ?? null).length > REPORT_MAX_BYTES) {
    return { ok: false, code: "input:invalid", message: "This report is too large to save." };
  }
  const input = parseInput(reportV2Schema, content);
  if (!input.ok) return input;
  const { symptom } = input.data;
  if (symptom && !isKnownAnswer(symptom.id, symptom.answers)) {
    return { ok: false, code: "input:invalid", message: "This report names a problem the wizard does not ask about." };
  }
  const session = await currentSession();
  return ok({ code: await storeReport(input.data, session?.user.id ?? null, await readBrowserHash()) });
}
