import type { RegistrationResponseJSON, VerifiedRegistrationResponse } from "@simplewebauthn/server";

type RegistrationInfo = NonNullable<VerifiedRegistrationResponse["registrationInfo"]>;

/** What a relying party stores of a verified registration (the portal's passkeys and the FIDO API's credentials). */
export function credentialRecord(info: RegistrationInfo, response: RegistrationResponseJSON) {
  return {
    id: info.credential.id,
    publicKey: Buffer.from(info.credential.publicKey),
    counter: info.credential.counter,
    transports: response.response.transports ?? [],
    aaguid: info.aaguid,
    backupEligible: info.credentialDeviceType === "multiDevice",
    backedUp: info.credentialBackedUp,
    attestationFormat: info.fmt,
  };
}
