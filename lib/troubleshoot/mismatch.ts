// The mismatch explainer: what the server expected next to what the browser and authenticator sent, in words, so a
// support person can see at a glance why a response was refused. Decodes on its own (no verifier involved), and
// shows no challenge values — only whether they match.
import { createHash } from "node:crypto";
import { decodeCBOR, type CBORType } from "@levischuck/tiny-cbor";

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

const yesNo = (flag: boolean) => (flag ? "set" : "not set");

export function explainMismatch(expected: Expectation, body: unknown): MismatchCheck[] {
  const response = (body as Response | null)?.response;
  const checks: MismatchCheck[] = [];
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
    checks.push({
      field: "clientDataJSON",
      ok: false,
      expected: "JSON from the browser",
      received: "unreadable",
      meaning: "The browser's part of the response is damaged: something between the browser and us changed it.",
    });
  }
  const origin = String(clientData.origin ?? "missing");
  checks.push({
    field: "origin",
    ok: expected.origins.includes(origin),
    expected: expected.origins.join(" or "),
    received: origin,
    meaning: expected.origins.includes(origin)
      ? "The page that asked is one of ours."
      : "The request came from a page we don't serve (another site, http instead of https, another port or subdomain): the site's configuration or a proxy is wrong.",
  });
  checks.push({
    field: "type",
    ok: clientData.type === expected.type,
    expected: expected.type,
    received: String(clientData.type ?? "missing"),
    meaning:
      clientData.type === expected.type
        ? "Right kind of ceremony."
        : "A sign-in answer was sent where a registration was expected, or the other way round.",
  });
  const challengeOk = clientData.challenge === expected.challenge;
  checks.push({
    field: "challenge",
    ok: challengeOk,
    expected: "the one-time value we issued",
    received: challengeOk ? "the same value" : "a different or missing value",
    meaning: challengeOk
      ? "The answer belongs to this request."
      : "The answer belongs to an older or another request: try again without reloading in between.",
  });
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
      expected: "at least 37 bytes",
      received: authData ? `${authData.length} bytes` : "unreadable",
      meaning: "The authenticator's part of the response is damaged or missing.",
    });
    return checks;
  }
  const rpIdHashOk = authData.subarray(0, 32).equals(createHash("sha256").update(expected.rpId).digest());
  checks.push({
    field: "RP ID hash",
    ok: rpIdHashOk,
    expected: `SHA-256 of "${expected.rpId}"`,
    received: rpIdHashOk ? "the same" : "the hash of another domain",
    meaning: rpIdHashOk
      ? "The passkey is for this site."
      : "The passkey was made for another site name (RP ID): the site's RP ID setting changed or differs between pages.",
  });
  const flags = authData[32];
  const [up, uv, be, bs] = [0x01, 0x04, 0x08, 0x10].map((bit) => (flags & bit) !== 0);
  checks.push({
    field: "user present (UP)",
    ok: up,
    expected: "set",
    received: yesNo(up),
    meaning: up ? "Someone touched or confirmed the authenticator." : "Nobody confirmed on the authenticator.",
  });
  checks.push({
    field: "user verified (UV)",
    ok: uv || !expected.userVerificationRequired,
    expected: expected.userVerificationRequired ? "set" : "set or not",
    received: yesNo(uv),
    meaning: uv
      ? "The authenticator checked a PIN, fingerprint or face."
      : "No PIN, fingerprint or face check happened: on a security key, set a PIN.",
  });
  checks.push({
    field: "backup (BE/BS)",
    ok: be || !bs,
    expected: "BS only together with BE",
    received: `BE ${yesNo(be)}, BS ${yesNo(bs)}`,
    meaning: be
      ? bs
        ? "A synced passkey, backed up by its provider."
        : "Can sync, not yet backed up."
      : "Device-bound: it lives only on this authenticator.",
  });
  if (expected.storedCounter !== undefined) {
    const counter = authData.readUInt32BE(33);
    const counterOk = counter > expected.storedCounter || (counter === 0 && expected.storedCounter === 0);
    checks.push({
      field: "signature counter",
      ok: counterOk,
      expected: expected.storedCounter === 0 ? "0, or more than 0" : `more than ${expected.storedCounter}`,
      received: String(counter),
      meaning: counterOk
        ? "The counter moved forward as it should."
        : "The counter went backwards: the passkey may have been copied, or an old answer was replayed.",
    });
  }
  return checks;
}
