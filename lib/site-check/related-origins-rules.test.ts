// The related-origins rules on crafted files: each rule fails on the mistake it names and passes otherwise.
import { describe, expect, it } from "vitest";
import { judgePasskeyEndpoints } from "./passkey-endpoints-rules";
import { judgeRelatedOrigins } from "./related-origins-rules";
import type { FetchedFile, SiteRule } from "./types";

const answer = (body: unknown, overrides: Partial<Extract<FetchedFile, { kind: "answer" }>> = {}): FetchedFile => ({
  kind: "answer",
  url: "https://example.com/.well-known/webauthn",
  redirects: [],
  status: 200,
  contentType: "application/json; charset=utf-8",
  body: typeof body === "string" ? body : JSON.stringify(body),
  ...overrides,
});
const byId = (rules: SiteRule[]) => Object.fromEntries(rules.map((rule) => [rule.id, rule]));

describe("judgeRelatedOrigins", () => {
  it("passes a well-formed file and lists the origins that may use the RP ID", () => {
    const rules = byId(
      judgeRelatedOrigins("example.com", answer({ origins: ["https://example.co.uk", "https://example-rewards.com"] }))
        .rules,
    );
    expect(Object.values(rules).filter((rule) => rule.ok === false)).toEqual([]);
    expect(rules["origins-label-limit"].message).toContain("2 distinct registrable labels (example, example-rewards)");
    expect(rules["origins-usable"].message).toContain("https://example.co.uk, https://example-rewards.com");
  });

  it("counts registrable labels by the public suffix list, and skips what comes after the fifth", () => {
    // example.co.uk and example.de share the label "example"; github.io is a public suffix (private section).
    const origins = [
      "https://example.co.uk",
      "https://example.de",
      "https://one.github.io",
      "https://two.github.io",
      "https://three.com",
      "https://four.com",
      "https://five.com",
      "https://example.fr",
    ];
    const rules = byId(judgeRelatedOrigins("example.com", answer({ origins })).rules);
    expect(rules["origins-label-limit"]).toMatchObject({ ok: false });
    expect(rules["origins-label-limit"].message).toContain('"https://five.com"');
    expect(rules["origins-label-limit"].message).not.toContain("example.fr");
    expect(rules["origins-label-limit"].browsers).toContain("Chrome and Safari stop at 5 labels");
    expect(rules["origins-usable"].message).toContain("https://example.fr");
  });

  it("names http entries, paths, entries without a registrable domain, duplicates and the RP ID's own origins", () => {
    const origins = [
      "http://example.org",
      "https://example.net/login",
      "https://localhost:8443",
      "https://192.0.2.1",
      "https://login.example.com",
      "https://example.net",
      "not a url",
    ];
    const rules = byId(judgeRelatedOrigins("example.com", answer({ origins })).rules);
    expect(rules["origins-https"]).toMatchObject({ ok: false, message: 'not https: "http://example.org"' });
    expect(rules["origins-bare"]).toMatchObject({ ok: null });
    expect(rules["origins-bare"].message).toContain("https://example.net/login");
    expect(rules["origins-label"].message).toContain('"https://localhost:8443", "https://192.0.2.1"');
    expect(rules["origins-own-rp-id"].message).toContain("https://login.example.com");
    expect(rules["origins-unique"].message).toContain('"https://example.net"');
    expect(rules["origins-parse"]).toMatchObject({ ok: false, message: 'not URLs: "not a url"' });
  });

  it("fails the file's shape the way browsers refuse it", () => {
    const shape = (file: FetchedFile) => byId(judgeRelatedOrigins("example.com", file).rules);
    expect(shape(answer({ origins: "https://a.com" }))["origins-shape"]).toMatchObject({ ok: false });
    expect(shape(answer({ origins: ["https://a.com", 3] }))["origins-shape"]).toMatchObject({ ok: false });
    expect(shape(answer({ origins: [] }))["origins-shape"]).toMatchObject({ ok: false });
    expect(shape(answer({ origin: ["https://a.com"] }))["origins-shape"]).toMatchObject({ ok: false });
    expect(shape(answer("{not json"))["json"]).toMatchObject({ ok: false });
    expect(shape(answer(["https://a.com"]))["json"]).toMatchObject({ ok: false, message: "JSON, but not one object" });
    const html = shape(answer({ origins: ["https://a.com"] }, { contentType: "text/html" }));
    expect(html["content-type"]).toMatchObject({ ok: false, message: "served as text/html, not application/json" });
    expect(html["content-type"].browsers).toContain("SecurityError");
    expect(shape(answer("", { status: 500 }))["status"]).toMatchObject({ ok: false, message: "HTTP 500, not 200" });
    const plain = shape(answer({ origins: ["https://a.com"] }, { url: "http://localhost:3000/.well-known/webauthn" }));
    expect(plain.https).toMatchObject({ ok: false });
    const failed = shape({
      kind: "failed",
      url: "https://example.com/.well-known/webauthn",
      redirects: [],
      reason: "ECONNREFUSED",
    });
    expect(failed.fetched).toMatchObject({ ok: false, message: "the file could not be fetched: ECONNREFUSED" });
  });

  it("treats a missing file as a note, not a failure", () => {
    const report = judgeRelatedOrigins("example.com", answer("Not found", { status: 404, contentType: "text/plain" }));
    expect(report.rules.map((rule) => rule.ok)).toEqual([true, null]);
    expect(report.rules[1].browsers).toContain("only example.com and its subdomains can use this RP ID");
  });
  it("judges the file where https redirects end, and fails a redirect that leaves https", () => {
    const www = "https://www.example.com/.well-known/webauthn";
    const followed = byId(
      judgeRelatedOrigins("example.com", answer({ origins: ["https://a.com"] }, { redirects: [www] })).rules,
    );
    expect(followed.https).toMatchObject({
      ok: true,
      message: "fetched over https (https://example.com/.well-known/webauthn)",
    });
    expect(followed.redirect).toMatchObject({
      ok: true,
      message: `reached through one redirect: https://example.com/.well-known/webauthn → ${www}`,
    });
    expect(followed["origins-usable"].ok).toBe(true);
    const viaHttp = byId(
      judgeRelatedOrigins(
        "example.com",
        answer({ origins: ["https://a.com"] }, { redirects: ["http://www.example.com/x", www] }),
      ).rules,
    );
    expect(viaHttp.https).toMatchObject({ ok: false, message: "http://www.example.com/x is not https" });
    expect(viaHttp.redirect).toMatchObject({
      ok: false,
      message: expect.stringContaining("reached through 2 redirects"),
    });
    expect(viaHttp.redirect.browsers).toContain("only to https");
    const refused = byId(
      judgeRelatedOrigins(
        "example.com",
        answer("", { status: 301, location: "http://www.example.com/x", contentType: null }),
      ).rules,
    );
    expect(refused.status).toMatchObject({ ok: false, message: "HTTP 301, a redirect to http://www.example.com/x" });
    expect(refused.status.browsers).toContain("only to https");
  });
});

describe("judgePasskeyEndpoints", () => {
  const endpoints = (body: unknown) =>
    byId(judgePasskeyEndpoints(answer(body, { url: "https://example.com/.well-known/passkey-endpoints" })).rules);

  it("passes https enroll and manage URLs, and notes a missing one", () => {
    expect(
      endpoints({ enroll: "https://example.com/passkeys/new", manage: "https://example.com/passkeys" }),
    ).toMatchObject({ enroll: { ok: true }, manage: { ok: true } });
    expect(endpoints({})).toMatchObject({ enroll: { ok: null }, manage: { ok: null } });
  });

  it("fails URLs that are not absolute or not https", () => {
    expect(endpoints({ enroll: "/passkeys/new", manage: "http://example.com/passkeys" })).toMatchObject({
      enroll: { ok: false, message: '"enroll" is not an absolute URL' },
      manage: { ok: false },
    });
    expect(endpoints({ enroll: 42 }).enroll).toMatchObject({ ok: false });
  });
  it("reports a redirect, which its draft has not settled, and judges nothing behind it", () => {
    const report = judgePasskeyEndpoints(
      answer("", {
        url: "https://example.com/.well-known/passkey-endpoints",
        status: 302,
        location: "https://example.com/pe.json",
        contentType: null,
      }),
    );
    const status = byId(report.rules).status;
    expect(status).toMatchObject({ ok: false, message: "HTTP 302, a redirect to https://example.com/pe.json" });
    expect(status.browsers).toContain("serve the file at this URL");
    expect(report.rules.map((rule) => rule.id)).toEqual(["https", "status"]);
  });
});
