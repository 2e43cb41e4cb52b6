// FIDO_CONFORMANCE_API: on by default in development and tests, off by default in production, on there by choice.
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };

async function enabledWith(values: Record<string, string | undefined>) {
  vi.resetModules();
  Object.assign(process.env, values);
  for (const [name, value] of Object.entries(values)) if (value === undefined) delete process.env[name];
  const { fidoConformanceEnabled } = await import("./conformance-relying-party");
  return fidoConformanceEnabled();
}

afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

describe("FIDO_CONFORMANCE_API", () => {
  it.each([
    ["development, unset", { NODE_ENV: "development", FIDO_CONFORMANCE_API: undefined }, true],
    ["test, unset", { NODE_ENV: "test", FIDO_CONFORMANCE_API: undefined }, true],
    ["production, unset", { NODE_ENV: "production", FIDO_CONFORMANCE_API: undefined }, false],
    ["production, on", { NODE_ENV: "production", FIDO_CONFORMANCE_API: "on" }, true],
    ["development, off", { NODE_ENV: "development", FIDO_CONFORMANCE_API: "off" }, false],
  ] as const)("%s", async (_name, values, enabled) => {
    expect(await enabledWith(values)).toBe(enabled);
  });

  it("stops start-up on a value other than on or off, naming the variable", async () => {
    await expect(enabledWith({ FIDO_CONFORMANCE_API: "yes" })).rejects.toThrow(
      /FIDO_CONFORMANCE_API: must be "on" or "off"/,
    );
    await expect(enabledWith({ FIDO_CONFORMANCE_API: "on", FIDO_TRUST_TEST_CA: "true" })).rejects.toThrow(
      /FIDO_TRUST_TEST_CA/,
    );
  });
});
