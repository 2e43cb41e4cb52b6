import { describe, expect, it } from "vitest";
import { describeAssertion, describeSignCount } from "./describe-assertion";
import { describeRegistration } from "./describe-registration";
import type { KnownCredential } from "./schemas";
import { authenticateFor, authenticator, registerFor, row } from "./test-responses";

/** A device holding the strict step's passkey, and the page's memory of it. */
function deviceWithPasskey(options: Parameters<typeof authenticator>[0] = {}) {
  const device = authenticator(options);
  const registration = registerFor(device, "passkey");
  const made = describeRegistration("passkey", registration, { credProps: { rk: true } }).credential!;
  const known: KnownCredential[] = [{ id: made.id, signCount: made.signCount, madeBy: made.madeBy }];
  return { device, id: registration.id, known };
}

describe("describeAssertion: a get() answer becomes the card's rows", () => {
  it("a verified sign-in with the page's passkey: supported, counter up, the report card's user handle", () => {
    const { device, id, known } = deviceWithPasskey();
    const result = describeAssertion("get-uv", authenticateFor(device, "get-uv", id), {}, known);
    expect(result.status).toBe("supported");
    expect(row(result, "Credential used").value).toBe('the one made by "A passkey with user verification"');
    expect(row(result, "User verified (UV)").value).toBe("yes");
    expect(row(result, "User handle").value).toBe("returned: the report card's");
    expect(row(result, "Sign count").value).toBe("went up from 0 to 1");
    expect(result.credential).toMatchObject({ id, signCount: 1, madeBy: "passkey" });
  });

  it("UV=0 where UV was required is an error", () => {
    const { device, id, known } = deviceWithPasskey();
    const result = describeAssertion(
      "get-uv",
      authenticateFor(device, "get-uv", id, { flags: { uv: false } }),
      {},
      known,
    );
    expect(result.status).toBe("error");
    expect(row(result, "User verified (UV)").value).toBe("no");
  });

  it("a counter that stays 0 is normal for a synced passkey; one that goes backwards is flagged", () => {
    const zero = deviceWithPasskey({ signCountMode: "zero" });
    const stays = describeAssertion("get-uv", authenticateFor(zero.device, "get-uv", zero.id), {}, zero.known);
    expect(row(stays, "Sign count").value).toMatch(/^0, stays 0: this authenticator does not count/);

    const { device, id } = deviceWithPasskey();
    const backwards = describeAssertion("get-uv", authenticateFor(device, "get-uv", id, { signCount: 3 }), {}, [
      { id, signCount: 7, madeBy: "passkey" },
    ]);
    expect(row(backwards, "Sign count")).toMatchObject({
      value: "did not go up (7 → 3)",
      note: expect.stringMatching(/cloned key/),
    });
  });

  it("the PRF step is supported only when a result came back", () => {
    const { device, id, known } = deviceWithPasskey();
    const withPrf = describeAssertion(
      "get-prf",
      authenticateFor(device, "get-prf", id),
      { prf: { results: { first: { byteLength: 32 } } } },
      known,
    );
    expect(withPrf.status).toBe("supported");
    expect(row(withPrf, "PRF result").value).toBe("came back (32 bytes; not sent to the server)");

    const without = describeAssertion("get-prf", authenticateFor(device, "get-prf", id), { prf: {} }, known);
    expect(without.status).toBe("not-supported");
    expect(row(without, "PRF result").value).toMatch(/^none/);
  });

  it("a credential the page did not make, with no user handle, is described as such", () => {
    const { device, id } = deviceWithPasskey();
    const result = describeAssertion("get-uv", authenticateFor(device, "get-uv", id, { userHandle: null }), {}, []);
    expect(row(result, "Credential used").value).toBe("not one this page made");
    expect(row(result, "User handle").value).toMatch(/^not returned/);
    expect(row(result, "Sign count").value).toBe("1 (no earlier value from this page to compare)");
    expect(result.credential).toBeUndefined();
  });

  it("describeSignCount covers every movement", () => {
    expect(describeSignCount(undefined, 4).value).toBe("4 (no earlier value from this page to compare)");
    expect(describeSignCount(0, 0).value).toMatch(/stays 0/);
    expect(describeSignCount(2, 5).value).toBe("went up from 2 to 5");
    expect(describeSignCount(5, 5).value).toBe("did not go up (5 → 5)");
  });

  it("a create step is refused", () => {
    const { device, id, known } = deviceWithPasskey();
    expect(() => describeAssertion("passkey", authenticateFor(device, "get-uv", id), {}, known)).toThrow(
      /does not sign in/,
    );
  });
});
