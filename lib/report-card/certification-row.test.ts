import { describe, expect, it } from "vitest";
import { certificationRow, type CardMetadata } from "./certification-row";

const AAGUID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const blob = {
  serial: 12,
  nextUpdate: "2030-01-01",
  storedAt: new Date("2026-12-01"),
  outOfDate: false,
  fromFido: true,
};

describe("certificationRow", () => {
  it("names the certification and the warnings, and which BLOB said so", () => {
    const metadata: CardMetadata = {
      blob,
      lookUp: (aaguid) =>
        aaguid === AAGUID
          ? {
              certification: "FIDO Certified Level 2",
              warnings: [{ status: "UPDATE_AVAILABLE", words: "A firmware update is available" }],
            }
          : null,
    };
    expect(certificationRow(metadata, AAGUID)).toEqual({
      label: "FIDO certification",
      value: "FIDO Certified Level 2",
      note: "A firmware update is available. From FIDO Metadata Service BLOB no. 12.",
    });
    expect(certificationRow(metadata, "ffffffff-ffff-4fff-8fff-ffffffffffff").value).toBe(
      "not listed in the FIDO metadata",
    );
  });

  it("says when no BLOB is stored", () => {
    expect(certificationRow({ blob: null, lookUp: () => null }, AAGUID)).toEqual({
      label: "FIDO certification",
      value: "unknown",
      note: "No FIDO Metadata Service BLOB is stored on this server.",
    });
  });
});
