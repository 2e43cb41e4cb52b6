import { describe, expect, it } from "vitest";
import { allowListSchema, assertionInputSchema, registrationInputSchema, stepIdSchema } from "./schemas";
import { authenticateFor, authenticator, registerFor } from "./test-responses";

describe("what the report card's actions accept", () => {
  const device = authenticator();
  const registration = registerFor(device, "passkey");
  const assertion = authenticateFor(device, "get-uv", registration.id);

  it("a real create answer for a create step, and a real get answer for a get step", () => {
    expect(
      registrationInputSchema.safeParse({
        stepId: "passkey",
        response: registration,
        extensions: { credProps: { rk: true } },
      }).success,
    ).toBe(true);
    expect(
      assertionInputSchema.safeParse({
        stepId: "get-uv",
        response: assertion,
        extensions: {},
        known: [{ id: registration.id, signCount: 0, madeBy: "passkey" }],
      }).success,
    ).toBe(true);
  });

  it("refuses a step of the other ceremony, with a sentence", () => {
    const wrong = registrationInputSchema.safeParse({ stepId: "get-uv", response: registration, extensions: {} });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("This step does not create a credential.");
    expect(
      assertionInputSchema.safeParse({ stepId: "passkey", response: assertion, extensions: {}, known: [] }).error
        ?.issues[0]?.message,
    ).toBe("This step does not sign in.");
  });

  it("refuses unknown steps, raw PRF bytes, extra keys and oversized lists", () => {
    expect(stepIdSchema.safeParse("drop-table").error?.issues[0]?.message).toBe(
      "That is not a step of the report card.",
    );
    expect(
      registrationInputSchema.safeParse({
        stepId: "passkey",
        response: registration,
        extensions: { prf: { results: { first: "c2VjcmV0" } } },
      }).success,
    ).toBe(false);
    expect(
      registrationInputSchema.safeParse({ stepId: "passkey", response: registration, extensions: {}, userId: 1 })
        .success,
    ).toBe(false);
    expect(allowListSchema.safeParse(Array.from({ length: 21 }, () => ({ id: "AQID" }))).success).toBe(false);
    expect(allowListSchema.safeParse([{ id: "not base64url!" }]).success).toBe(false);
  });
});
