// SEC-66: every request shape and method gets a clean 4xx, and a post without an Origin is refused (security bar H66).
// Sent as a stranger would, over HTTP, to the real server: shapes no page of ours sends.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import { portalClient, SIGN_IN_ACTIONS } from "@/test/portal-client";
import { uniqueEmail } from "./fixtures/account";
import { readServerDatabase } from "./fixtures/server-database";

const SIGN_UP_ACTIONS = "app/(auth)/sign-up/actions.ts";
const TROUBLESHOOT_ACTIONS = "app/troubleshoot/actions.ts";

function actionId(file: string, exportName: string): string {
  const manifest = JSON.parse(
    readFileSync(`${process.env.NEXT_DIST_DIR ?? ".next"}/server/server-reference-manifest.json`, "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportName,
  )?.[0];
  if (!id) throw new Error(`no action ${exportName} in ${file}`);
  return id;
}

/** A JSON argument list just over the 1 MB limit. */
const OVERSIZED_ARGUMENTS = JSON.stringify(["x".repeat(1024 * 1024 + 10)]);

test("SEC-66 methods the portal does not serve get a 405, on pages, actions and route handlers alike", async ({
  request,
}) => {
  for (const path of ["/", "/sign-in", "/account", "/fido/attestation/options", "/api/inspect", "/does-not-exist"]) {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH"]) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(await response.json(), `${method} ${path}`).toMatchObject({ ok: false, code: "request:method" });
    }
  }
  // A route handler's other served method: Next.js alone would answer an empty 405 (lib/route-methods.ts).
  const others = [
    ["POST", "/.well-known/passkey-endpoints", "GET, HEAD"],
    ["POST", "/troubleshoot/report/AAAA-BBBB-CCCC/json", "GET, HEAD"],
    ["GET", "/api/inspect", "POST"],
    ["GET", "/api/inspect/site", "POST"],
    ["GET", "/troubleshoot/checks", "POST"],
    ["GET", "/fido/assertion/result", "POST"],
  ];
  for (const [method, path, allowed] of others) {
    const response = await request.fetch(path, { method, maxRedirects: 0 });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"], `${method} ${path}`).toBe(allowed);
    expect(await response.json(), `${method} ${path}`).toMatchObject({ ok: false, code: "request:method" });
  }
});

test("SEC-66 server-action bodies in shapes no React client sends get a clean 4xx, never a 500", async ({
  baseURL,
}) => {
  const id = actionId(SIGN_IN_ACTIONS, "startPasskeySignInAction");
  const post = (body: BodyInit, headers: Record<string, string>, init: RequestInit = {}) =>
    fetch(new URL("/sign-in", baseURL), {
      method: "POST",
      headers: { "Next-Action": id, Origin: baseURL!, ...headers },
      body,
      ...init,
    });
  const multipart = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  };
  const chunked = (text: string) =>
    new ReadableStream({
      start(controller) {
        // Several chunks and no Content-Length: the server only learns the size by reading.
        const bytes = new TextEncoder().encode(text);
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
  const cases: [string, () => Promise<Response>, number][] = [
    ["multipart whose arguments are not JSON", () => post(multipart({ "0": "garbage" }), {}), 400],
    ["multipart with a reference no client sends", () => post(multipart({ "0": '["$Q1"]' }), {}), 400],
    [
      "multipart that is no multipart",
      () => post("junk", { "Content-Type": "multipart/form-data; boundary=xyz" }),
      400,
    ],
    ["JSON content type", () => post("null", { "Content-Type": "application/json" }), 415],
    ["arguments that are no list", () => post("null", { "Content-Type": "text/plain;charset=UTF-8" }), 400],
    ["a number for arguments", () => post("1", { "Content-Type": "text/plain;charset=UTF-8" }), 400],
    [
      "text that is not UTF-8",
      () => post(new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]), { "Content-Type": "text/plain" }),
      400,
    ],
    [
      "chunked text over 1 MB",
      () =>
        post(chunked(OVERSIZED_ARGUMENTS), { "Content-Type": "text/plain;charset=UTF-8" }, {
          duplex: "half",
        } as RequestInit),
      413,
    ],
    [
      "chunked multipart over 1 MB",
      () => {
        const boundary = "passkeylabboundary";
        const body = `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n${OVERSIZED_ARGUMENTS}\r\n--${boundary}--\r\n`;
        return post(chunked(body), { "Content-Type": `multipart/form-data; boundary=${boundary}` }, {
          duplex: "half",
        } as RequestInit);
      },
      413,
    ],
  ];
  for (const [what, send, status] of cases) {
    const response = await send();
    expect(response.status, what).toBe(status);
    expect(await response.json(), what).toMatchObject({ ok: false, code: expect.stringMatching(/^request:/) });
  }
  // The real thing still works: a multipart call with a form argument, as React sends a form action.
  const honest = await portalClient(baseURL!).callWithForm<{ ok: boolean; code?: string }>(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "signInWithPasswordAction",
    {
      email: "nobody@request-shapes.test",
      password: "not the password",
    },
  );
  expect(honest.status).toBe(200);
  expect(honest.result).toMatchObject({ ok: false, code: "auth:invalid-credentials" });
});

test("SEC-66 a form posted without script and without an Origin starts no sign-up; with our Origin it does", async ({
  baseURL,
}) => {
  const email = uniqueEmail("no-origin");
  // What a page without script posts for a useActionState form: a reference to the action and its bound state.
  const form = () => {
    const body = new FormData();
    body.set("$ACTION_REF_1", "");
    body.set("$ACTION_1:0", JSON.stringify({ id: actionId(SIGN_UP_ACTIONS, "signUpAction"), bound: "$@1" }));
    body.set("$ACTION_1:1", "[null]");
    body.set("$ACTION_KEY", "k0");
    body.set("email", email);
    body.set("password", "a long enough test password");
    return body;
  };
  const refused = await fetch(new URL("/sign-up", baseURL), { method: "POST", body: form(), redirect: "manual" });
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({ code: "request:cross-site" });
  const signUps = async () =>
    Number(
      await readServerDatabase(
        async (database) =>
          (await database.execute({ sql: "SELECT count(*) FROM sign_up_requests WHERE email = ?", args: [email] }))
            .rows[0]?.[0],
      ),
    );
  expect(await signUps()).toBe(0);

  // The same post from our own page reaches the action and starts the sign-up (so the refusal above is the Origin's).
  const served = await fetch(new URL("/sign-up", baseURL), {
    method: "POST",
    body: form(),
    headers: { Origin: baseURL! },
    redirect: "manual",
  });
  expect(served.status).toBe(200);
  expect(await signUps()).toBe(1);
});

test("SEC-66 the live test answers a clientDataJSON that is JSON null with a verdict, never a 500", async ({
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const start = await client.call<{
    ok: true;
    data: { testId: string; options: Parameters<SoftwareAuthenticator["register"]>[0] };
  }>("/troubleshoot", TROUBLESHOOT_ACTIONS, "startLiveTestAction", []);
  expect(start.result?.ok).toBe(true);
  const { testId, options } = start.result!.data;
  const response = new SoftwareAuthenticator().register(options, baseURL!);
  response.response.clientDataJSON = Buffer.from("null").toString("base64url");
  const finish = await client.call<{
    ok: true;
    data: { fact: { ok: boolean; checks: { field: string; ok: boolean }[] } };
  }>("/troubleshoot", TROUBLESHOOT_ACTIONS, "finishLiveRegistrationAction", [testId, response]);
  expect(finish.status).toBe(200);
  // The action answered (a Result); its verdict is the refusal.
  expect(finish.result).toMatchObject({ ok: true, data: { fact: { ok: false } } });
  expect(finish.result?.data.fact.checks.find((check) => check.field === "clientDataJSON")).toMatchObject({
    ok: false,
  });
});

test("SEC-66 the wizard's open actions that store nothing answer any argument with input:invalid, never a 500", async ({
  baseURL,
}) => {
  // Anyone may call these (the wizard and every failed ceremony do, signed in or not): odd shapes, prototype keys,
  // a name that is not a DOMException's, an answer to a question the symptom does not ask, a huge string.
  const client = portalClient(baseURL!);
  const shapes: unknown[][] = [
    [],
    [null],
    ["text"],
    [[]],
    [{}],
    [{ __proto__: { name: "NotAllowedError" } }],
    [{ name: "x".repeat(100_000), ceremony: "get" }],
    [{ name: "NotAllowedError", ceremony: "get", hint: "<script>" }],
    [{ name: "NotAllowedError", ceremony: "get", elapsedMs: -1 }],
    [{ snapshot: {}, id: "toString", answers: {} }],
    [{ snapshot: null, id: "security-key", answers: { "has-pin": "maybe" } }],
  ];
  const actions: [string, string, string][] = [
    ["/sign-in", "lib/compat/explain-browser-failure-action.ts", "explainBrowserFailureAction"],
    ["/troubleshoot", TROUBLESHOOT_ACTIONS, "symptomStepsAction"],
  ];
  for (const [page, file, action] of actions) {
    for (const args of shapes) {
      const answer = await client.call<{ ok: boolean; code?: string }>(page, file, action, args);
      const what = `${action}(${JSON.stringify(args).slice(0, 80)})`;
      expect(answer.status, what).toBe(200);
      expect(answer.result, what).toMatchObject({ ok: false, code: "input:invalid" });
    }
  }
  // The honest call still answers: a cancelled sign-in, explained.
  const honest = await client.call<{ ok: boolean; data?: { message: string } }>(
    "/sign-in",
    "lib/compat/explain-browser-failure-action.ts",
    "explainBrowserFailureAction",
    [{ name: "NotAllowedError", ceremony: "get" }],
  );
  expect(honest.result).toMatchObject({ ok: true, data: { message: expect.any(String) } });
});

test("SEC-66 the wizard's checks route answers every body it is sent with a typed 4xx in the person's language", async ({
  request,
}) => {
  // What no page sends: not JSON, JSON of the wrong shape, a snapshot with an extra key, a forged probe value, a
  // body over the limit, and a body in no known encoding.
  const bodies: [string | Buffer, string, number, string][] = [
    ["", "text/plain", 400, "input:invalid"],
    ["not json", "application/json", 400, "input:invalid"],
    ["null", "application/json", 400, "input:invalid"],
    ["[]", "application/json", 400, "input:invalid"],
    ['{"snapshot":{},"cookieProbe":"0"}', "application/json", 400, "input:invalid"],
    ['{"snapshot":{"javascript":true},"cookieProbe":"<script>","extra":1}', "application/json", 400, "input:invalid"],
    [JSON.stringify({ snapshot: "x".repeat(70_000) }), "application/json", 413, "request:too-large"],
    [Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), "application/json", 400, "input:invalid"],
  ];
  for (const [data, contentType, status, code] of bodies) {
    const what = `${contentType} ${String(data).slice(0, 60)}`;
    const response = await request.post("/troubleshoot/checks", {
      data,
      headers: { "content-type": contentType, "accept-language": "es" },
    });
    expect(response.status(), what).toBe(status);
    const body = (await response.json()) as { ok: boolean; code: string; message: string };
    expect(body, what).toMatchObject({ ok: false, code });
    // The person's words, never zod's or the parser's English.
    expect(body.message, what).not.toMatch(/expected|invalid_type|JSON|Unexpected/i);
  }
});
