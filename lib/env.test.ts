// The configuration is read once, at import: each case imports lib/env afresh with its own variables.
import { afterEach, describe, expect, it, vi } from "vitest";

const original = { ...process.env };
afterEach(() => {
  process.env = { ...original };
  vi.resetModules();
});

async function envWith(variables: Record<string, string>) {
  Object.assign(process.env, variables);
  vi.resetModules();
  return (await import("./env")).env;
}

describe("RP_RELATED_ORIGINS", () => {
  it("is a list of https origins, empty when unset", async () => {
    expect(
      (await envWith({ RP_RELATED_ORIGINS: "https://shop.example, https://example.co.uk:8443" })).RP_RELATED_ORIGINS,
    ).toEqual(["https://shop.example", "https://example.co.uk:8443"]);
    delete process.env.RP_RELATED_ORIGINS;
    expect((await envWith({})).RP_RELATED_ORIGINS).toEqual([]);
  });

  it("refuses what browsers would not read as a related origin: plain http, a path", async () => {
    await expect(envWith({ RP_RELATED_ORIGINS: "http://shop.example" })).rejects.toThrow(
      'RP_RELATED_ORIGINS: "http://shop.example" must be an https origin',
    );
    await expect(envWith({ RP_RELATED_ORIGINS: "https://shop.example/login" })).rejects.toThrow(
      "must be an https origin",
    );
  });
});

describe("MDS_URL and MDS_REFRESH", () => {
  it("default to FIDO's service, refreshed; take another http(s) URL and off", async () => {
    delete process.env.MDS_URL;
    delete process.env.MDS_REFRESH;
    expect(await envWith({})).toMatchObject({ MDS_URL: "https://mds3.fidoalliance.org/", MDS_REFRESH: "on" });
    expect(await envWith({ MDS_URL: "http://localhost:4455/blob/valid", MDS_REFRESH: "off" })).toMatchObject({
      MDS_URL: "http://localhost:4455/blob/valid",
      MDS_REFRESH: "off",
    });
  });

  it("refuses a URL that is not http(s), and a switch that is not on or off", async () => {
    await expect(envWith({ MDS_URL: "ftp://mds.example/" })).rejects.toThrow("MDS_URL");
    await expect(envWith({ MDS_REFRESH: "daily" })).rejects.toThrow("MDS_REFRESH");
  });
});

describe("SIGN_IN_OPTIONS_PER_MINUTE", () => {
  it("is 3000 unless set, and sets the overall sign-in budget the limiter counts against", async () => {
    delete process.env.SIGN_IN_OPTIONS_PER_MINUTE;
    expect((await envWith({})).SIGN_IN_OPTIONS_PER_MINUTE).toBe(3000);
    expect((await envWith({ SIGN_IN_OPTIONS_PER_MINUTE: "20000" })).SIGN_IN_OPTIONS_PER_MINUTE).toBe(20000);
    expect((await import("./auth/rate-limit")).limits.signInOptionsOverall.max).toBe(20000);
  });

  it("refuses what is not a whole number of one or more", async () => {
    await expect(envWith({ SIGN_IN_OPTIONS_PER_MINUTE: "0" })).rejects.toThrow("SIGN_IN_OPTIONS_PER_MINUTE");
    await expect(envWith({ SIGN_IN_OPTIONS_PER_MINUTE: "lots" })).rejects.toThrow("SIGN_IN_OPTIONS_PER_MINUTE");
  });
});
