// /.well-known/passkey-endpoints judged by the W3C Passkey Endpoints draft: one JSON object whose optional `enroll`
// and `manage` members are URLs where a password manager can send a person to add a passkey, or to manage theirs.
// An empty object is allowed: it says the site supports passkeys.
import { judgeFileAnswer } from "./file-answer-rules";
import { rule, type FetchedFile, type SiteFileReport } from "./types";

const SOURCE = "W3C Passkey Endpoints §3";

export function judgePasskeyEndpoints(file: FetchedFile): SiteFileReport {
  const failed = "ignore the file: password managers cannot link to your passkey pages";
  const { rules, document } = judgeFileAnswer(file, SOURCE, {
    failed,
    absent: "password managers cannot send people to add or manage a passkey here (optional)",
    // w3c/webappsec-passkey-endpoints#2 ("Should redirects be allowed?") is open.
    redirect: `the draft has not settled whether clients follow a redirect here; serve the file at this URL, or they may ${failed}`,
  });
  const status = file.kind === "answer" ? file.status : null;
  if (!document) return { url: file.url, status, rules };
  for (const member of ["enroll", "manage"] as const) {
    const value = document[member];
    const purpose = member === "enroll" ? "add a passkey" : "manage passkeys";
    if (value === undefined) {
      rules.push(
        rule(member, null, SOURCE, `no "${member}" URL`, `password managers will not offer to ${purpose} here`),
      );
      continue;
    }
    if (typeof value !== "string" || !URL.canParse(value)) {
      rules.push(rule(member, false, SOURCE, `"${member}" is not an absolute URL`, "password managers ignore it"));
      continue;
    }
    const url = new URL(value);
    rules.push(
      url.protocol === "https:"
        ? rule(member, true, SOURCE, `"${member}" is ${url.href}`)
        : rule(
            member,
            false,
            SOURCE,
            `"${member}" (${url.href}) is not https`,
            "password managers open only https pages",
          ),
    );
  }
  return { url: file.url, status, rules };
}
