// Reports leave the browser for support staff: anything that could replay a ceremony or identify a key is dropped
// (security bar: no challenges, keys or tokens in reports). "publicKeyCredential" is the environment snapshot's
// account of the browser's API (a version 2 report's facts), not a key; and a yes/no (the capability
// "extension:hmacCreateSecret": true) carries no secret.
const SECRET_KEYS =
  /challenge|publickey(?!credential)|signature|token|secret|password|credentialid|rawid|userhandle|attestationobject|clientdatajson|authenticatordata/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12) return "[too deep]";
  if (Array.isArray(value)) return value.slice(0, 200).map((item) => redact(item, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        SECRET_KEYS.test(key) && typeof item !== "boolean" ? "[redacted]" : redact(item, depth + 1),
      ]),
    );
  }
  if (typeof value === "string" && value.length > 2000) return `${value.slice(0, 2000)}…`;
  return value;
}
