// The ceremonies every case is made of, over HTTP: options from the target, answered by a software authenticator.
import type {
  AuthenticateChoices,
  AttestationFormat,
  RegisterChoices,
  SoftwareAuthenticator,
} from "@/lib/authenticator";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { expectOk, expectOkUnlessOptional, type JsonBody } from "./expectations";
import type { Answer } from "./fido-client";
import { usableCreationOptions, usableRequestOptions } from "./options-shape";
import type { CaseContext } from "./types";

export async function creationOptions(
  context: CaseContext,
  username: string,
  request: JsonBody = {},
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const body = { username, displayName: `Suite user ${username}`, attestation: "none", ...request };
  const step = "POST /attestation/options";
  return usableCreationOptions(expectOk(await context.client.post("/attestation/options", body), step), step, username);
}

export async function requestOptions(
  context: CaseContext,
  username: string,
  request: JsonBody = {},
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const step = "POST /assertion/options";
  return usableRequestOptions(
    expectOk(await context.client.post("/assertion/options", { username, ...request }), step),
    step,
  );
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
  const response = authenticator.register(options, context.origin, {
    attestation: setup.format ?? "none",
    ...setup.choices,
  });
  expectOkUnlessOptional(
    await context.client.post("/attestation/result", response),
    "POST /attestation/result",
    setup.optional,
  );
  return { username, authenticator, credentialId: response.id };
}

/** An assertion by the registered credential for fresh options; the caller judges the answer. */
export async function signIn(
  context: CaseContext,
  registered: Registered,
  choices: AuthenticateChoices = {},
  request: JsonBody = {},
): Promise<Answer> {
  const options = await requestOptions(context, registered.username, request);
  const response = registered.authenticator.authenticate(options, context.origin, {
    credentialId: registered.credentialId,
    ...choices,
  });
  return context.client.post("/assertion/result", response);
}
