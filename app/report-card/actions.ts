"use server";

// The report card's server side: fresh options per step, and decoding of what the browser answered. Open to everyone,
// signed in or not; nothing here reads or writes the database, a session or an account.
import { randomBytes } from "node:crypto";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import type { StepResult } from "@/lib/report-card/card";
import { describeAssertion } from "@/lib/report-card/describe-assertion";
import { readAuthenticatorMetadata } from "@/lib/mds/authenticator-metadata";
import { describeRegistration } from "@/lib/report-card/describe-registration";
import {
  allowListSchema,
  assertionInputSchema,
  registrationInputSchema,
  stepIdSchema,
} from "@/lib/report-card/schemas";
import { buildStepOptions, type StepOptions } from "@/lib/report-card/step-options";
import { STEPS } from "@/lib/report-card/steps";
import { UnreadableResponse } from "@/lib/report-card/unreadable-response";
import { failForDevelopers, ok, type Result } from "@/lib/result";
import { relyingParty } from "@/lib/webauthn/relying-party";

export async function reportCardOptionsAction(stepId: unknown, allow: unknown): Promise<Result<StepOptions>> {
  return answerSafely(async () => {
    const step = parseInput(stepIdSchema, stepId);
    if (!step.ok) return step;
    const allowed = parseInput(allowListSchema, allow ?? []);
    if (!allowed.ok) return allowed;
    if (STEPS[step.data].ceremony === "get" && allowed.data.length === 0) {
      return failForDevelopers(
        "input:invalid",
        "Make a test credential with one of the steps above first: this step signs in with it.",
      );
    }
    // A random challenge that is never stored. Acceptable here, unlike every other ceremony on this site: the card
    // verifies no signature, signs nobody in and grants nothing, so a replayed or forged answer could only make a
    // visitor's own card wrong. What matters is what the browser and authenticator answer to these exact options.
    const challenge = randomBytes(32).toString("base64url");
    return ok(buildStepOptions(step.data, { id: relyingParty.id, name: relyingParty.name }, challenge, allowed.data));
  }, "developer");
}

/** Decoding problems are the browser's answer being damaged (an extension, a proxy), not a server failure. */
function unreadable(error: unknown) {
  if (!(error instanceof UnreadableResponse)) throw error;
  return failForDevelopers(
    "input:invalid",
    "Your browser's answer could not be read: a browser extension or a proxy may be changing passkey requests.",
    error.message,
  );
}

export async function describeRegistrationAction(input: unknown): Promise<Result<StepResult>> {
  return answerSafely(async () => {
    const parsed = parseInput(registrationInputSchema, input);
    if (!parsed.ok) return parsed;
    const metadata = await readAuthenticatorMetadata();
    try {
      return ok(describeRegistration(parsed.data.stepId, parsed.data.response, parsed.data.extensions, metadata));
    } catch (error) {
      return unreadable(error);
    }
  }, "developer");
}

export async function describeAssertionAction(input: unknown): Promise<Result<StepResult>> {
  return answerSafely(async () => {
    const parsed = parseInput(assertionInputSchema, input);
    if (!parsed.ok) return parsed;
    try {
      return ok(describeAssertion(parsed.data.stepId, parsed.data.response, parsed.data.extensions, parsed.data.known));
    } catch (error) {
      return unreadable(error);
    }
  }, "developer");
}
