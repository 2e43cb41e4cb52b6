// Server-ServerPublicKeyCredentialGetOptionsResponse-Req-1: the request options a server generates.
import { fidoId } from "../case-builders";
import { register, requestOptions } from "../ceremonies";
import { check, expectOk } from "../expectations";
import { expectRefusedAgainstTwin } from "../twin-judgement";
import { SIGN_IN } from "../twins";
import type { ConformanceCase } from "../types";
import { asObject, bytesOf } from "./creation-options";

const REQ_1 = "Server-ServerPublicKeyCredentialGetOptionsResponse-Req-1";
const OWN = "PasskeyLab-Options";

export const getOptionsCases: ConformanceCase[] = [
  {
    id: fidoId(REQ_1, "P-1"),
    family: REQ_1,
    title:
      "options carry status, errorMessage, challenge, echoed extensions and userVerification, and allowCredentials of exactly the registered credential",
    run: async (context) => {
      const registered = await register(context);
      await register(context); // another user's credential must not be listed
      const request = {
        username: registered.username,
        userVerification: "required",
        extensions: { "example.extension": "test" },
      };
      const options = expectOk(await context.client.post("/assertion/options", request), "POST /assertion/options");
      const challengeBytes = bytesOf(options.challenge);
      check(
        challengeBytes >= 16 && challengeBytes <= 64,
        "challenge",
        "base64url of 16 to 64 bytes",
        options.challenge,
      );
      check(
        JSON.stringify(options.extensions) === JSON.stringify(request.extensions),
        "extensions",
        JSON.stringify(request.extensions),
        options.extensions,
      );
      check(
        options.timeout === undefined || (typeof options.timeout === "number" && options.timeout > 0),
        "timeout",
        "absent, or a number > 0",
        options.timeout,
      );
      check(
        options.rpId === undefined || typeof options.rpId === "string",
        "rpId",
        "absent, or a string",
        options.rpId,
      );
      const allowed = Array.isArray(options.allowCredentials) ? options.allowCredentials.map(asObject) : [];
      const exact =
        allowed.length === 1 && allowed[0].type === "public-key" && allowed[0].id === registered.credentialId;
      check(
        exact,
        "allowCredentials",
        `exactly [{type: "public-key", id: "${registered.credentialId}"}]`,
        options.allowCredentials,
      );
      check(options.userVerification === "required", "userVerification", "required", options.userVerification);
    },
  },
  {
    id: fidoId(REQ_1, "P-2"),
    family: REQ_1,
    title: "two requests get two different challenges",
    run: async (context) => {
      const registered = await register(context);
      const first = await requestOptions(context, registered.username);
      const second = await requestOptions(context, registered.username);
      check(first.challenge !== second.challenge, "challenges of two requests", "different values", [
        first.challenge,
        second.challenge,
      ]);
    },
  },
  {
    id: `${OWN} authentication-username-missing`,
    family: OWN,
    title: "request options without a username are refused",
    run: async (context) => {
      await expectRefusedAgainstTwin(context, SIGN_IN, "POST /assertion/options", () =>
        context.client.post("/assertion/options", { userVerification: "preferred" }),
      );
    },
  },
];
