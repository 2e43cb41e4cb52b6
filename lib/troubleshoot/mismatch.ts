// The mismatch explainer: what the server expected next to what the browser and authenticator sent, in words, so a
// support person can see at a glance why a response was refused. Decodes on its own (no verifier involved), and
// shows no challenge values — only whether they match.
import { createHash } from "node:crypto";
import { decodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import type { Translator } from "@/lib/i18n/translator";
import type { MismatchField } from "./mismatch-fields";

/**
 * One check as facts, language-neutral (what a report stores): the field, whether it passed, and what was expected
 * and received — a value (an origin, a type, a number) or one of a few fixed tokens ("set", "same", "unreadable"…)
 * that describeChecks puts into words.
 */
export type MismatchFact = { field: MismatchField; ok: boolean; expected: string; received: string };
/** The same in words, in the reader's language. */
export type MismatchCheck = { field: string; ok: boolean; expected: string; received: string; meaning: string };

export type Expectation = {
  origins: readonly string[];
  rpId: string;
  challenge: string;
  type: "webauthn.create" | "webauthn.get";
  storedCounter?: number;
  userVerificationRequired: boolean;
};

type Response = { response?: { clientDataJSON?: unknown; authenticatorData?: unknown; attestationObject?: unknown } };

function authenticatorDataOf(response: Response["response"]): Buffer | null {
  if (typeof response?.authenticatorData === "string") return Buffer.from(response.authenticatorData, "base64url");
  if (typeof response?.attestationObject !== "string") return null;
  const decoded = decodeCBOR(new Uint8Array(Buffer.from(response.attestationObject, "base64url"))) as CBORType;
  const authData = decoded instanceof Map ? decoded.get("authData") : undefined;
  return authData instanceof Uint8Array ? Buffer.from(authData) : null;
}

const setOrNot = (flag: boolean) => (flag ? "set" : "not-set");

export function explainMismatch(expected: Expectation, body: unknown): MismatchFact[] {
  const response = (body as Response | null)?.response;
  const checks: MismatchFact[] = [];
  let clientData: { type?: unknown; origin?: unknown; challenge?: unknown; crossOrigin?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(String(response?.clientDataJSON ?? ""), "base64url").toString("utf8"),
    );
    // Valid JSON that is not an object (`null`, a number, a list) is as unreadable as no JSON at all.
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      throw new TypeError("clientDataJSON is not an object");
    clientData = parsed;
  } catch {
    checks.push({ field: "clientDataJSON", ok: false, expected: "json", received: "unreadable" });
  }
  const origin = String(clientData.origin ?? "missing");
  checks.push({
    field: "origin",
    ok: expected.origins.includes(origin),
    expected: expected.origins.join(" "),
    received: origin,
  });
  checks.push({
    field: "type",
    ok: clientData.type === expected.type,
    expected: expected.type,
    received: String(clientData.type ?? "missing"),
  });
  const challengeOk = clientData.challenge === expected.challenge;
  checks.push({ field: "challenge", ok: challengeOk, expected: "issued", received: challengeOk ? "same" : "other" });
  const authData = (() => {
    try {
      return authenticatorDataOf(response);
    } catch {
      return null;
    }
  })();
  if (!authData || authData.length < 37) {
    checks.push({
      field: "authenticatorData",
      ok: false,
      expected: "37",
      received: authData ? String(authData.length) : "unreadable",
    });
    return checks;
  }
  const rpIdHashOk = authData.subarray(0, 32).equals(createHash("sha256").update(expected.rpId).digest());
  checks.push({
    field: "RP ID hash",
    ok: rpIdHashOk,
    expected: expected.rpId,
    received: rpIdHashOk ? "same" : "other",
  });
  const flags = authData[32];
  const [up, uv, be, bs] = [0x01, 0x04, 0x08, 0x10].map((bit) => (flags & bit) !== 0);
  checks.push({ field: "user present (UP)", ok: up, expected: "set", received: setOrNot(up) });
  checks.push({
    field: "user verified (UV)",
    ok: uv || !expected.userVerificationRequired,
    expected: expected.userVerificationRequired ? "set" : "set-or-not",
    received: setOrNot(uv),
  });
  checks.push({
    field: "backup (BE/BS)",
    ok: be || !bs,
    expected: "bs-needs-be",
    received: `${setOrNot(be)} ${setOrNot(bs)}`,
  });
  if (expected.storedCounter !== undefined) {
    const counter = authData.readUInt32BE(33);
    const counterOk = counter > expected.storedCounter || (counter === 0 && expected.storedCounter === 0);
    checks.push({
      field: "signature counter",
      ok: counterOk,
      expected: String(expected.storedCounter),
      received: String(counter),
    });
  }
  return checks;
}

type T = Translator<"liveTest">;

/** A fixed token in words; anything else (an origin, a type) is a value and shown as it is. */
function valueWords(t: T, value: string): string {
  switch (value) {
    case "set":
      return t("valueSet");
    case "not-set":
      return t("valueNotSet");
    case "set-or-not":
      return t("valueSetOrNot");
    case "missing":
      return t("valueMissing");
    case "unreadable":
      return t("valueUnreadable");
    default:
      return value;
  }
}

const flag = (value: string | undefined) => (value === "set" ? "set" : "not-set");

/** What the expected and received values are, in words: field by field, as explainMismatch wrote them. */
function describeValues(t: T, check: MismatchFact, locale: string): { expected: string; received: string } {
  switch (check.field) {
    case "clientDataJSON":
      return { expected: t("valueJson"), received: t("valueUnreadable") };
    case "origin":
      return {
        expected: new Intl.ListFormat(locale, { type: "disjunction" }).format(check.expected.split(" ")),
        received: valueWords(t, check.received),
      };
    case "challenge":
      return {
        expected: t("valueIssuedChallenge"),
        received: check.received === "same" ? t("valueSameChallenge") : t("valueOtherChallenge"),
      };
    case "authenticatorData":
      return {
        expected: t("valueAtLeastBytes", { count: Number(check.expected) }),
        received: /^\d+$/.test(check.received)
          ? t("valueBytes", { count: Number(check.received) })
          : valueWords(t, check.received),
      };
    case "RP ID hash":
      return {
        expected: t("valueSha256", { rpId: check.expected }),
        received: check.received === "same" ? t("valueSameHash") : t("valueOtherHash"),
      };
    case "backup (BE/BS)": {
      const [be, bs] = check.received.split(" ");
      return { expected: t("valueBackupRule"), received: t("valueBackupFlags", { be: flag(be), bs: flag(bs) }) };
    }
    case "signature counter":
      return {
        expected: check.expected === "0" ? t("valueZeroOrMore") : t("valueMoreThan", { count: Number(check.expected) }),
        received: check.received,
      };
    default:
      return { expected: valueWords(t, check.expected), received: valueWords(t, check.received) };
  }
}

function meaning(t: T, check: MismatchFact): string {
  switch (check.field) {
    case "clientDataJSON":
      return t("clientDataDamaged");
    case "origin":
      return check.ok ? t("originOk") : t("originBad");
    case "type":
      return check.ok ? t("typeOk") : t("typeBad");
    case "challenge":
      return check.ok ? t("challengeOk") : t("challengeBad");
    case "authenticatorData":
      return t("authDataDamaged");
    case "RP ID hash":
      return check.ok ? t("rpIdOk") : t("rpIdBad");
    case "user present (UP)":
      return check.ok ? t("upOk") : t("upBad");
    case "user verified (UV)":
      return check.received === "set" ? t("uvOk") : t("uvBad");
    case "backup (BE/BS)": {
      const [be, bs] = check.received.split(" ");
      return be === "set" ? (bs === "set" ? t("backupSynced") : t("backupCanSync")) : t("backupDeviceBound");
    }
    case "signature counter":
      return check.ok ? t("counterOk") : t("counterBad");
  }
}

/** The checks in words, in the translator's language: on the live test's page, and when a saved report is read. */
export function describeChecks(t: T, checks: MismatchFact[], locale: string): MismatchCheck[] {
  return checks.map((check) => ({
    field: check.field,
    ok: check.ok,
    ...describeValues(t, check, locale),
    meaning: meaning(t, check),
  }));
}
