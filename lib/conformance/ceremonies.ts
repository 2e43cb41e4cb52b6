// The ceremonies every case is made of, over HTTP: options from the target, answered by a software authenticator.
import type { AuthenticateChoices, AttestationFormat, RegisterChoices, SoftwareAuthenticator } from "@/lib/authenticator";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { check, expectOk, expectOkUnlessOptional, type JsonBody } from "./expectations";
import type { Answer } from "./fido-client";
import type { CaseContext } from "./types";

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

export async function creationOptions(context: CaseContext, username: string, request: JsonBody = {}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const body = { username, displayName: `Suite user ${username}`, attestation: "none", ...request };
  const options = expectOk(await context.client.post("/attestation/options", body), "POST /attestation/options");
  check(
    typeof options.challenge === "string" && isObject(options.rp) && isObject(options.user) && Array.isArray(options.pubKeyCredParams),
    "the creation options cannot be used",
    "challenge, rp, user and pubKeyCredParams",
    options,
  );
  return options as unknown as PublicKeyCredentialCreationOptionsJSON;
}

export async function requestOptions(context: CaseContext, username: string, request: JsonBody = {}): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = expectOk(await context.client.post("/assertion/options", { username, ...request }), "POST /assertion/options");
  check(typeof options.challenge === "string", "the request options cannot be used", "a challenge", options);
  return options as unknown as PublicKeyCredentialRequestOptionsJSON;
}

export type Registered = { username: string; authenticator: SoftwareAuthenticator; credentialId: string };

export type RegisterSetup = {
  format?: AttestationFormat;
  authenticator?: SoftwareAuthenticator;
  choices?: RegisterChoices;
  request?: JsonBody;
  username?: string;
  /** An optional FIDO case: a refusal is a skip. */
  optional?: boolean;
};

/** A registration the target must accept (fmt "none" unless told otherwise). */
export async function register(context: CaseContext, setup: RegisterSetup = {}): Promise<Registered> {
  const username = setup.username ?? context.username();
  const authenticator = setup.authenticator ?? context.authenticator();
  const options = await creationOptions(context, username, setup.request);
  const response = authenticator.register(options, context.origin, { attestation: setup.format ?? "none", ...setup.choices });
  expectOkUnlessOptional(await context.client.post("/attestation/result", response), "POST /attestation/result", setup.optional);
  return { username, authenticator, credentialId: response.id };
}

/** An assertion by the registered credential for fresh options; the caller judges the answer. */
export async function signIn(context: CaseContext, registered: Registered, choices: AuthenticateChoices = {}, request: JsonBody = {}): Promise<Answer> {
  const options = await requestOptions(context, registered.username, request);
  const response = registered.authenticator.authenticate(options, context.origin, { credentialId: registered.credentialId, ...choices });
  return context.client.post("/assertion/result", response);
}
