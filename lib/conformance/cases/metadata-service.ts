// Server-MDS3: the FIDO tool's metadata service tests. They run when the suite served its own MDS3 BLOBs
// (mds-test-service.ts, the CLI's --mds-port) and the target loaded them (--mds-setup): the suite's model listed as
// certified must then be accepted, and the models of the BLOBs a server must refuse, or with a compromise status, not.
import { fidoId, skipped } from "../case-builders";
import { creationOptions } from "../ceremonies";
import { CaseSkipped, expectOk } from "../expectations";
import { MDS_MODELS } from "../mds-blobs";
import { expectRefusedAgainstTwin, type Twin } from "../twin-judgement";
import type { CaseContext, ConformanceCase } from "../types";

const MDS3 = "Server-MDS3";
const NOT_SERVED =
  "needs the suite's MDS3 test BLOBs loaded by the target: run with --mds-port and --mds-setup (the command that points the target at them)";

/** A packed full registration by a model the BLOBs describe, chained to this process's attestation root. */
async function registerModel(context: CaseContext, aaguid: string) {
  if (!context.mdsServed) throw new CaseSkipped(NOT_SERVED);
  const authenticator = context.authenticator({ aaguid, attestation: "packed-full" });
  const options = await creationOptions(context, context.username(), { attestation: "direct" });
  return context.client.post("/attestation/result", authenticator.register(options, context.origin));
}

/** The twin of every negative case: the model the valid BLOB lists as certified. */
const CERTIFIED_REGISTRATION: Twin = {
  key: `mds3 certified ${MDS_MODELS.certified}`,
  run: (context) => registerModel(context, MDS_MODELS.certified),
};

const refused = (test: string, title: string, aaguids: string[]): ConformanceCase => ({
  id: fidoId(MDS3, test),
  family: MDS3,
  title,
  run: async (context) => {
    if (!context.mdsServed) throw new CaseSkipped(NOT_SERVED);
    for (const aaguid of aaguids)
      await expectRefusedAgainstTwin(context, CERTIFIED_REGISTRATION, "POST /attestation/result", () =>
        registerModel(context, aaguid),
      );
  },
});

export const metadataServiceCases: ConformanceCase[] = [
  {
    id: fidoId(MDS3, "P-1"),
    family: MDS3,
    title: "packed full attestation described by valid MDS metadata is accepted",
    run: async (context) => {
      expectOk(await registerModel(context, MDS_MODELS.certified), "POST /attestation/result");
    },
  },
  // MDS3 BLOB entries carry no hash of their own (the whole BLOB is signed): F-4 and F-3 cover a BLOB that was changed.
  skipped(
    fidoId(MDS3, "F-1"),
    MDS3,
    "metadata whose hash cannot be verified",
    "MDS3 BLOB entries carry no hash of their own (MDS 3.0 signs the whole BLOB); a changed BLOB is F-3",
  ),
  refused(
    "F-2",
    "metadata status USER_VERIFICATION_BYPASS, ATTESTATION_KEY_COMPROMISE, USER_KEY_REMOTE_COMPROMISE or USER_KEY_PHYSICAL_COMPROMISE",
    [
      MDS_MODELS.userVerificationBypass,
      MDS_MODELS.attestationKeyCompromise,
      MDS_MODELS.userKeyRemoteCompromise,
      MDS_MODELS.userKeyPhysicalCompromise,
    ],
  ),
  refused("F-3", "a BLOB whose signature cannot be verified", [MDS_MODELS.badSignature]),
  refused("F-4", "a BLOB whose certificate chain cannot be verified", [MDS_MODELS.badChain]),
  refused("F-5", "a BLOB signed under a revoked intermediate certificate", [MDS_MODELS.revokedIntermediate]),
  refused("F-6", "a BLOB signed by a revoked leaf certificate", [MDS_MODELS.revokedSigner]),
];
