// POST /troubleshoot/checks: the wizard's automatic checks, judged. The page's inline script sends what it captured
// (start-checks.ts) and draws the answer before the page's React has loaded. Judged here so that the rules,
// the support matrix, the fix texts and the User-Agent parser stay off the page, and the words are in the request's
// language (the `locale` cookie, else Accept-Language). This request is itself the connection test, and the probe
// cookie the page stored just before sending it is the cookie test. Open to everyone and pure reading and judging:
// nothing is stored, so there is nothing to rate-limit. Every other shape gets the one failure shape (security bar H66).
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { createElement } from "react";
import { z } from "zod";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import { evaluateEnvironment } from "@/lib/compat/findings";
import { detectPlatform } from "@/lib/compat/platform";
import { environmentSnapshotSchema } from "@/lib/compat/snapshot";
import { findingTranslators } from "@/lib/compat/translators";
import { failureResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/fido-server/read-json-body";
import { toElementTree } from "@/lib/render/element-tree";
import { fail, ok, type Result } from "@/lib/result";
import { refuseMethod } from "@/lib/route-methods";
import { byUrgency, CheckResults, checkResultsText } from "../check-results";
import { PROBE_COOKIE, PROBE_VALUE, probeCookieName } from "../cookie-probe";
import type { JudgedChecks } from "../start-checks";

export const dynamic = "force-dynamic";

/** A snapshot is a few kilobytes; its schema caps every list and string well below this. */
const MAX_BODY_BYTES = 64 * 1024;

const checksInput = z.strictObject({ snapshot: environmentSnapshotSchema, cookieProbe: z.string().regex(PROBE_VALUE) });

async function judge(request: Request): Promise<Result<JudgedChecks>> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return fail(body.code === "fido:too-large" ? "request:too-large" : "input:invalid");
  const parsed = parseInput(checksInput, body.data);
  if (!parsed.ok) return parsed;
  const { snapshot, cookieProbe } = parsed.data;
  const jar = await cookies();
  const probe = probeCookieName(PROBE_COOKIE, cookieProbe);
  const cookieCameBack = jar.has(probe);
  // Its work is done: the browser can drop it now rather than in five minutes.
  if (cookieCameBack) jar.delete({ name: probe, path: "/troubleshoot" });
  const judged = {
    ...snapshot,
    serverReachable: "ok" as const,
    cookieRoundTrip: cookieCameBack ? ("ok" as const) : ("failed" as const),
  };
  const platform = detectPlatform(judged);
  const translators = await findingTranslators();
  const findings = byUrgency(evaluateEnvironment(judged, platform, translators));
  const text = checkResultsText(await getTranslations("checks"), translators.findings, platform);
  return ok({ platform, snapshot: judged, view: toElementTree(createElement(CheckResults, { findings, text })) });
}

export async function POST(request: Request): Promise<Response> {
  const answer = await answerSafely(() => judge(request));
  const headers = { "Cache-Control": "no-store" };
  return answer.ok ? Response.json(answer, { headers }) : failureResponse(answer, headers);
}

export const GET = refuseMethod("POST");
