// Server-ServerPublicKeyCredentialCreationOptions-Req-1: the creation options a server generates.
import { fidoId } from "../case-builders";
import { creationOptions } from "../ceremonies";
import { check, expectOk, type JsonBody } from "../expectations";
import { usableCreationOptions } from "../options-shape";
import { expectRefusedAgainstTwin } from "../twin-judgement";
import { PACKED_SELF_REGISTRATION } from "../twins";
import type { ConformanceCase } from "../types";

const REQ_1 = "Server-ServerPublicKeyCredentialCreationOptions-Req-1";
const OWN = "PasskeyLab-Options";
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const asObject = (value: unknown): JsonBody =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonBody) : {};
const bytesOf = (value: unknown) =>
  typeof value === "string" && BASE64URL.test(value) ? Buffer.from(value, "base64url").length : -1;

/**
 * Every field check of Req-1 P-1, each with what was expected and what came. A missing field the client has a default
 * for was noted as a deviation by usableCreationOptions; only what is there is checked.
 */
function checkCreationOptions(options: JsonBody, requested: JsonBody) {
  usableCreationOptions(options, "POST /attestation/options");
  const user = asObject(options.user);
  const rp = asObject(options.rp);
  check(
    typeof user.name === "string" && typeof user.displayName === "string",
    "user.name and user.displayName",
    "two strings",
    user,
  );
  const userIdBytes = bytesOf(user.id);
  check(userIdBytes > 0 && userIdBytes <= 64, "user.id", "base64url of 1 to 64 bytes", user.id);
  if (options.rp !== undefined)
    check(typeof rp.name === "string" && typeof rp.id === "string", "rp.name and rp.id", "two strings", options.rp);
  const challengeBytes = bytesOf(options.challenge);
  check(challengeBytes >= 16 && challengeBytes <= 64, "challenge", "base64url of 16 to 64 bytes", options.challenge);
  if (options.pubKeyCredParams !== undefined) {
    const params = Array.isArray(options.pubKeyCredParams) ? options.pubKeyCredParams.map(asObject) : [];
    check(
      params.length > 0 && params.every((param) => typeof param.type === "string" && typeof param.alg === "number"),
      "pubKeyCredParams",
      "a non-empty array of {type, alg}",
      options.pubKeyCredParams,
    );
    check(
      params.some((param) => param.type === "public-key" && param.alg === -7),
      "pubKeyCredParams",
      'a member {type: "public-key", alg: -7} (ES256)',
      params,
    );
  }
  check(
    options.timeout === undefined || (typeof options.timeout === "number" && options.timeout > 0),
    "timeout",
    "absent, or a number > 0",
    options.timeout,
  );
  check(
    JSON.stringify(options.extensions) === JSON.stringify(requested.extensions),
    "extensions",
    JSON.stringify(requested.extensions),
    options.extensions,
  );
  check(
    options.attestation === requested.attestation,
    "attestation",
    String(requested.attestation),
    options.attestation,
  );
}

export const creationOptionsCases: ConformanceCase[] = [
  {
    id: fidoId(REQ_1, "P-1"),
    family: REQ_1,
    title:
      "options carry status, errorMessage, user, rp, challenge, pubKeyCredParams, timeout, and echo extensions and attestation",
    run: async (context) => {
      const requested = {
        username: context.username(),
        displayName: "Suite User",
        authenticatorSelection: {
          requireResidentKey: false,
          authenticatorAttachment: "cross-platform",
          userVerification: "preferred",
        },
        attestation: "direct",
        extensions: { "example.extension": true },
      };
      checkCreationOptions(
        expectOk(await context.client.post("/attestation/options", requested), "POST /attestation/options"),
        requested,
      );
    },
  },
  {
    id: fidoId(REQ_1, "P-2"),
    family: REQ_1,
    title: 'attestation "none" requested is "none" in the options',
    run: async (context) => {
      const options = await creationOptions(context, context.username(), { attestation: "none" });
      check(options.attestation === "none", "attestation", "none", options.attestation);
    },
  },
  {
    id: fidoId(REQ_1, "P-3"),
    family: REQ_1,
    title: "two requests get two different challenges",
    run: async (context) => {
      const username = context.username();
      const first = await creationOptions(context, username);
      const second = await creationOptions(context, username);
      check(first.challenge !== second.challenge, "challenges of two requests", "different values", [
        first.challenge,
        second.challenge,
      ]);
    },
  },
  {
    id: `${OWN} registration-user-verification-echoed`,
    family: OWN,
    title: 'authenticatorSelection.userVerification "required" is echoed in the options',
    run: async (context) => {
      const options = await creationOptions(context, context.username(), {
        authenticatorSelection: { userVerification: "required" },
      });
      check(
        options.authenticatorSelection?.userVerification === "required",
        "authenticatorSelection.userVerification",
        "required",
        options.authenticatorSelection,
      );
    },
  },
  {
    id: `${OWN} registration-username-missing`,
    family: OWN,
    title: "options requested without a username are refused",
    run: async (context) => {
      const withoutUsername = { displayName: "No Name", attestation: "none" };
      await expectRefusedAgainstTwin(context, PACKED_SELF_REGISTRATION, "POST /attestation/options", () =>
        context.client.post("/attestation/options", withoutUsername),
      );
    },
  },
];

export { asObject, bytesOf };
