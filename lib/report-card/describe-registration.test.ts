import { describe, expect, it } from "vitest";
import { describeRegistration } from "./describe-registration";
import { authenticator, GOOGLE_PASSWORD_MANAGER, registerFor, row, YUBIKEY_5 } from "./test-responses";
import { UnreadableResponse } from "./unreadable-response";

describe("describeRegistration: a create() answer becomes the card's rows", () => {
  it("conditional create: a passkey a password manager made without a dialog, UP=0 named as allowed only there", () => {
    const device = authenticator({ aaguid: GOOGLE_PASSWORD_MANAGER });
    const response = registerFor(device, "conditional-create", { up: false, uv: false, be: true, bs: true });
    const result = describeRegistration("conditional-create", response, { credProps: { rk: true } });
    expect(result.status).toBe("supported");
    expect(result.headline).toMatch(/without a dialog \(conditional create\), with user presence UP=0/);
    expect(row(result, "Flags").value).toBe("UP=0 UV=0 BE=1 BS=1 AT=1 ED=0");
  });

  it("a synced passkey manager on the strict step: supported, provider named, EdDSA chosen, extensions reported", () => {
    const device = authenticator({ aaguid: GOOGLE_PASSWORD_MANAGER, attestation: "packed-self" });
    const response = registerFor(device, "passkey", { uv: true, be: true, bs: true });
    const result = describeRegistration("passkey", response, {
      credProps: { rk: true },
      prf: { enabled: true, results: { first: { byteLength: 32 } } },
      largeBlob: { supported: false },
    });

    expect(result.status).toBe("supported");
    expect(result.headline).toMatch(/made a passkey and verified you/);
    expect(row(result, "Authenticator (AAGUID)").value).toBe(`Google Password Manager (${GOOGLE_PASSWORD_MANAGER})`);
    expect(row(result, "Attachment").value).toBe("platform");
    expect(row(result, "Transports").value).toBe("internal");
    expect(row(result, "Attestation format").value).toBe("packed, self attestation (signed by the new key)");
    expect(row(result, "Algorithm").value).toBe("EdDSA (-8)");
    expect(row(result, "User verified (UV)").value).toBe("yes");
    expect(row(result, "Storage (BE/BS)").value).toMatch(/^synced/);
    expect(row(result, "Flags").value).toBe("UP=1 UV=1 BE=1 BS=1 AT=1 ED=0");
    expect(row(result, "Discoverable (credProps.rk)").value).toBe("yes");
    expect(row(result, "PRF").value).toBe("enabled; a result came back at creation (32 bytes)");
    expect(row(result, "Large blob").value).toBe("not supported");
    expect(row(result, "Sign count at creation").value).toBe("0");
    expect(result.credential).toEqual({ id: response.id, transports: ["internal"], signCount: 0, madeBy: "passkey" });
  });

  it("a U2F key under attestation direct: fido-u2f with a certificate, AAGUID not disclosed, ES256 though EdDSA was offered first", () => {
    const response = registerFor(authenticator({ attestation: "fido-u2f" }), "no-passkey", { uv: false });
    const result = describeRegistration("no-passkey", response, { credProps: { rk: false } });

    expect(result.status).toBe("supported");
    expect(row(result, "Attestation format").value).toBe("fido-u2f, certificate chain of 1");
    expect(row(result, "Authenticator (AAGUID)").value).toBe("not disclosed (all-zero AAGUID)");
    expect(row(result, "Algorithm").value).toBe("ES256 (-7)");
    expect(row(result, "Attachment").value).toBe("cross-platform");
    expect(row(result, "Storage (BE/BS)").value).toMatch(/^device-bound/);
    expect(row(result, "Discoverable (credProps.rk)").value).toBe("no");
  });

  it("a security key with full attestation is named, and its certificate chain counted", () => {
    const response = registerFor(authenticator({ aaguid: YUBIKEY_5, attestation: "packed-full" }), "passkey");
    const result = describeRegistration("passkey", response, {});
    expect(row(result, "Authenticator (AAGUID)").value).toMatch(/^YubiKey 5 Series/);
    expect(row(result, "Attestation format").value).toMatch(/^packed, certificate chain of \d$/);
    expect(row(result, "Discoverable (credProps.rk)").value).toBe("not reported by the browser");
    expect(row(result, "PRF").value).toBe("not reported by the browser (no PRF support)");
  });

  it("UV=0 on a step that required user verification is an error, not a pass", () => {
    const response = registerFor(authenticator(), "passkey", { uv: false });
    const result = describeRegistration("passkey", response, { credProps: { rk: true } });
    expect(result.status).toBe("error");
    expect(result.headline).toMatch(/UV=0/);
    expect(row(result, "User verified (UV)").value).toBe("no");
  });

  it("a non-discoverable credential where one was required is an error", () => {
    const result = describeRegistration("passkey", registerFor(authenticator(), "passkey"), {
      credProps: { rk: false },
    });
    expect(result.status).toBe("error");
    expect(result.headline).toMatch(/discoverable/);
  });

  it("resident key required, UV discouraged: the card says whether the authenticator verified you anyway", () => {
    const verified = describeRegistration(
      "resident-key-only",
      registerFor(authenticator(), "resident-key-only", { uv: true }),
      { credProps: { rk: true } },
    );
    expect(verified.status).toBe("supported");
    expect(verified.headline).toBe(
      "Supported: your authenticator made a passkey, and verified you although the page did not ask it to (UV=1).",
    );
    expect(row(verified, "User verified (UV)").value).toBe("yes");
    expect(row(verified, "Discoverable (credProps.rk)").value).toBe("yes");

    const unverified = describeRegistration(
      "resident-key-only",
      registerFor(authenticator(), "resident-key-only", { uv: false }),
      { credProps: { rk: true } },
    );
    expect(unverified.status).toBe("supported");
    expect(unverified.headline).toBe("Supported: your authenticator made a passkey without verifying you (UV=0).");
    expect(row(unverified, "User verified (UV)").value).toBe("no");
    expect(row(unverified, "Flags").value).toBe("UP=1 UV=0 BE=0 BS=0 AT=1 ED=0");
  });

  it("resident key required, UV discouraged, yet the browser reports rk=false: an error, whatever the UV flag", () => {
    const result = describeRegistration(
      "resident-key-only",
      registerFor(authenticator(), "resident-key-only", { uv: false }),
      { credProps: { rk: false } },
    );
    expect(result.status).toBe("error");
    expect(result.headline).toBe(
      "A discoverable passkey was required, yet the browser reports a non-discoverable credential.",
    );
  });

  it("UV required, resident key discouraged: the card says whether the authenticator stored a passkey anyway", () => {
    const response = registerFor(authenticator(), "uv-only", { uv: true });
    const plain = describeRegistration("uv-only", response, { credProps: { rk: false } });
    expect(plain.status).toBe("supported");
    expect(plain.headline).toBe(
      "Supported: your authenticator verified you and made a credential that is not discoverable.",
    );
    expect(row(plain, "Discoverable (credProps.rk)").value).toBe("no");
    expect(row(plain, "User verified (UV)").value).toBe("yes");

    const stored = describeRegistration("uv-only", response, { credProps: { rk: true } });
    expect(stored.headline).toBe(
      "Supported: your authenticator verified you, and made a discoverable passkey although the page did not ask for one.",
    );
    expect(row(stored, "Discoverable (credProps.rk)").value).toBe("yes");

    const unknown = describeRegistration("uv-only", response, {});
    expect(unknown.headline).toBe(
      "Supported: your authenticator verified you; the browser did not report whether the credential is discoverable.",
    );
    expect(row(unknown, "Discoverable (credProps.rk)").value).toBe("not reported by the browser");
  });

  it("UV required, resident key discouraged, answered with UV=0: an error", () => {
    const result = describeRegistration("uv-only", registerFor(authenticator(), "uv-only", { uv: false }), {
      credProps: { rk: false },
    });
    expect(result.status).toBe("error");
    expect(result.headline).toMatch(/UV=0/);
  });

  it("attestation withheld under direct gets a note", () => {
    const result = describeRegistration("passkey", registerFor(authenticator({ attestation: "none" }), "passkey"), {});
    expect(row(result, "Attestation format")).toEqual({
      label: "Attestation format",
      value: "none",
      note: "Asked for direct attestation; the browser or authenticator withheld it.",
    });
  });

  it("an algorithm step: supported when the key uses the one algorithm offered", () => {
    const result = describeRegistration("alg-es384", registerFor(authenticator(), "alg-es384"), {});
    expect(result.status).toBe("supported");
    expect(result.headline).toBe("Supported: the authenticator made an ES384 (-35) key.");
    expect(row(result, "Algorithm").value).toBe("ES384 (-35)");
  });

  it("an algorithm step answered with another algorithm says the list was ignored", () => {
    const result = describeRegistration(
      "alg-es512",
      registerFor(authenticator({ algorithm: "ES256" }), "alg-es512"),
      {},
    );
    expect(result.status).toBe("error");
    expect(result.headline).toMatch(/Only ES512 \(-36\) was offered, yet the key is ES256 \(-7\)/);
  });

  it("a hint step is not observable, and says so", () => {
    const result = describeRegistration("hint-hybrid", registerFor(authenticator(), "hint-hybrid"), {});
    expect(result.status).toBe("not-observable");
    expect(result.headline).toMatch(/cannot be seen/);
    expect(row(result, "Hint honoured").value).toBe("not observable");
  });

  it("a manager known to fake user verification gets a note on the UV row", () => {
    const bitwarden = "d548826e-79b4-db40-a3d8-11116f7e8349";
    const result = describeRegistration(
      "passkey",
      registerFor(authenticator({ aaguid: bitwarden }), "passkey", { be: true, bs: true }),
      {},
    );
    expect(row(result, "User verified (UV)").note).toMatch(/known to set UV without checking/);
  });

  it("a damaged attestation object or a swapped credential id is unreadable, with the reason", () => {
    const response = registerFor(authenticator(), "passkey");
    const damaged = { ...response, response: { ...response.response, attestationObject: "AAAA" } };
    expect(() => describeRegistration("passkey", damaged, {})).toThrow(UnreadableResponse);
    const swapped = { ...response, id: "c3dhcHBlZA", rawId: "c3dhcHBlZA" };
    expect(() => describeRegistration("passkey", swapped, {})).toThrow(/not the id the browser reported/);
    expect(() => describeRegistration("get-uv", response, {})).toThrow(/does not create/);
  });
});
