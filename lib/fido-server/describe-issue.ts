import type { z } from "zod";

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
}

/** The first schema issue in words a test log can use: "response.clientDataJSON is missing", "id: must be base64url". */
export function describeIssue(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return "the request does not have the expected shape";
  const path = issue.path.map(String).join(".") || "the body";
  const value = valueAt(input, issue.path);
  if (value === undefined && issue.code === "invalid_type") return `${path} is missing`;
  if (value === "") return `${path} is empty`;
  return `${path}: ${issue.message}`;
}
