// What an attestation statement's verifier is given and answers: shared by the per-format verifiers
// (verify-attestation-statement.ts, verify-tpm-statement.ts) without either importing the other's module.
import type { CBORType } from "@levischuck/tiny-cbor";
import type { AuthenticatorData } from "./decode-authenticator-data";

export type StatementCheck = { ok: boolean | null; message: string; attestationType: string };

export type StatementInput = {
  fmt: string;
  attStmt: Map<string | number, CBORType>;
  authData: AuthenticatorData;
  clientDataHash: Buffer;
  x5c: Buffer[];
};
