// Takes a registration apart, applies edits, signs the attestation again where signed data changed, puts it back.
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import type { CBORType } from "@levischuck/tiny-cbor";
import { byteString, sha256 } from "../bytes";
import type { ClientDataEdit } from "./client-data";
import { responseString, toJson, withResponseMember, type JsonObject } from "./json";
import type { Mutation, RegistrationMutationContext } from "./types";
import {
  authDataOf,
  decodeAttestationObject,
  encodeCborBase64url,
  resignAttestation,
  withEntry,
  type CborMap,
} from "./wire";

export type RegistrationEdits = {
  clientData?: ClientDataEdit;
  authData?: (authData: Buffer) => Buffer;
  /** Applied after re-signing, to the decoded attestation object; may return something that is not a map. */
  attestationObject?: (attestationObject: CborMap) => CBORType;
  /** Bytes appended after the encoded attestation object. */
  trailing?: Buffer;
  /** Keep the old signature although signed data changed (for "changed after signing" cases). */
  unsigned?: boolean;
};

export function rewriteRegistration(
  response: RegistrationResponseJSON,
  context: RegistrationMutationContext,
  edits: RegistrationEdits,
): JsonObject {
  const json = toJson(response);
  const originalClientData = Buffer.from(responseString(json, "clientDataJSON"), "base64url");
  const clientDataJSON = edits.clientData ? edits.clientData(originalClientData) : originalClientData;
  let attestationObject = decodeAttestationObject(responseString(json, "attestationObject"));
  if (edits.authData)
    attestationObject = withEntry(
      attestationObject,
      "authData",
      byteString(edits.authData(authDataOf(attestationObject))),
    );
  if ((edits.clientData || edits.authData) && !edits.unsigned) {
    attestationObject = resignAttestation(attestationObject, sha256(clientDataJSON), context.attestationSigner);
  }
  const encoded = encodeCborBase64url(
    edits.attestationObject ? edits.attestationObject(attestationObject) : attestationObject,
    edits.trailing,
  );
  return withResponseMember(
    withResponseMember(json, "clientDataJSON", clientDataJSON.toString("base64url")),
    "attestationObject",
    encoded,
  );
}

/** A registration mutation made of edits. */
export function registrationMutation(
  family: string,
  doc: string,
  edits: RegistrationEdits,
  input?: RegistrationMutation["input"],
): RegistrationMutation {
  return { family, doc, input, apply: (response, context) => rewriteRegistration(response, context, edits) };
}

type RegistrationMutation = Mutation<RegistrationResponseJSON, RegistrationMutationContext>;
