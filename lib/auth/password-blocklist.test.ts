import { describe, expect, it } from "vitest";
import { refuseWeakPassword } from "./password-blocklist";

const context = { email: "ann.lee@example.com", serviceName: "Passkey Lab" };
const verdict = (password: string) => refuseWeakPassword(password, context)?.code ?? "accepted";

describe("refuseWeakPassword (NIST SP 800-63B-4 §3.1.1.2 blocklist)", () => {
  it.each([
    ["password1234", "password:common"],
    ["Password1234!", "password:common"],
    ["qwertyuiop123", "password:common"],
    ["iloveyou2024!!", "password:common"],
    ["1qaz2wsx3edc", "password:common"],
    ["            ", "password:trivial"],
    ["\t \t \t \t \t \t", "password:trivial"],
    ["aaaaaaaaaaaa", "password:trivial"],
    ["abcabcabcabc", "password:trivial"],
    ["121212121212", "password:trivial"],
    ["abcdefghijklm", "password:trivial"],
    ["345678901234", "password:trivial"],
    ["987654321098", "password:trivial"],
    ["ann.lee@example.com", "password:context"],
    ["annlee123456", "password:context"],
    ["Ann Lee 2024!!", "password:context"],
    ["passkeylab2024", "password:context"],
    ["Passkey Lab 1!", "password:context"],
    ["passkey-lab-passkey", "password:context"],
    ["a long enough test password", "accepted"],
    ["correct staple horse radio", "accepted"],
    ["ann likes her garden chairs", "accepted"],
    ["my passkey lab account rocks", "accepted"],
    ["Zq8!vR2#pL5@", "accepted"],
  ])("%j → %s", (password, expected) => {
    expect(verdict(password)).toBe(expected);
  });

  it("says why, in words a person understands", () => {
    expect(refuseWeakPassword("password1234", context)?.message).toMatch(/common and leaked passwords/);
    expect(refuseWeakPassword("annlee123456", context)?.message).toMatch(/your email or this site's name/);
  });

  it("takes the site's configured name as a context word", () => {
    expect(refuseWeakPassword("Acme Bank 2026!", { email: "x@y.z", serviceName: "Acme Bank" })?.code).toBe(
      "password:context",
    );
  });
});
