// Security bar E41 timing, run alone after every other end-to-end test (see playwright.config.ts) so that no
// parallel test skews one kind of request.
import { expect, test } from "@playwright/test";
import { portalClient, startSignUp } from "@/test/portal-client";
import { PASSWORD, signUp, uniqueEmail } from "./fixtures/account";

// One after the other, in one worker: two timing comparisons side by side would skew each other.
test.describe.configure({ mode: "default" });

test("SEC-41 unknown email and wrong password: same status, same body, medians within 20 % over 50 tries", async ({
  page,
  baseURL,
}) => {
  const email = await signUp(page);
  // Each attempt from an address of its own, as from a spread-out attacker: per-client rate limits stay out of it.
  const attempt = async (fields: Record<string, string>) => {
    const client = portalClient(baseURL!);
    const started = performance.now();
    const response = await client.callWithForm(
      "/sign-in",
      "app/(auth)/sign-in/actions.ts",
      "signInWithPasswordAction",
      fields,
    );
    return { ms: performance.now() - started, status: response.status, result: JSON.stringify(response.result) };
  };
  // The control, first (50 wrong passwords lock the account): the right password through the same request signs in,
  // so the fields do reach the action.
  const right = await portalClient(baseURL!).callWithForm(
    "/sign-in",
    "app/(auth)/sign-in/actions.ts",
    "signInWithPasswordAction",
    { email, password: PASSWORD },
  );
  expect(right.setCookies.some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(true);
  const unknown: Awaited<ReturnType<typeof attempt>>[] = [];
  const wrong: Awaited<ReturnType<typeof attempt>>[] = [];
  // Pairs in random order, so whatever one request leaves behind (a WAL checkpoint, a GC pause) lands on both kinds.
  for (let i = 0; i < 50; i++) {
    const tryUnknown = async () =>
      unknown.push(await attempt({ email: `nobody-${i}@example.com`, password: "not the password" }));
    const tryWrong = async () => wrong.push(await attempt({ email, password: "not the password" }));
    for (const run of Math.random() < 0.5 ? [tryUnknown, tryWrong] : [tryWrong, tryUnknown]) await run();
  }
  expect(new Set([...unknown, ...wrong].map((row) => `${row.status} ${row.result}`))).toEqual(
    new Set(['200 {"ok":false,"code":"auth:invalid-credentials","message":"User not found or password invalid"}']),
  );
  const median = (rows: { ms: number }[]) =>
    rows.map((row) => row.ms).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  const [a, b] = [median(unknown), median(wrong)];
  console.log(`SEC-41 medians: unknown ${a.toFixed(1)} ms, wrong password ${b.toFixed(1)} ms`);
  expect(Math.abs(a - b) / Math.min(a, b)).toBeLessThan(0.2);
});

test("SEC-62 sign-up for a taken and a new address: same status and answer, medians within 20 % over 30 tries", async ({
  page,
  baseURL,
}) => {
  const taken = await signUp(page);
  // One new address for every try (no try makes its account): both addresses reach their hourly mail limit alike.
  const fresh = uniqueEmail("timing-fresh");
  const attempt = async (email: string) => {
    const started = performance.now();
    const response = await startSignUp(portalClient(baseURL!), email, "a long enough other password");
    const { pendingToken, ...rest } = (response.result ?? {}) as { pendingToken?: string; email?: string };
    return {
      ms: performance.now() - started,
      status: response.status,
      result: JSON.stringify({ ...rest, email: "EMAIL", token: pendingToken?.length }),
    };
  };
  const takenRows: Awaited<ReturnType<typeof attempt>>[] = [];
  const freshRows: Awaited<ReturnType<typeof attempt>>[] = [];
  for (let i = 0; i < 30; i++) {
    const tryTaken = async () => takenRows.push(await attempt(taken));
    const tryFresh = async () => freshRows.push(await attempt(fresh));
    for (const run of Math.random() < 0.5 ? [tryTaken, tryFresh] : [tryFresh, tryTaken]) await run();
  }
  expect(new Set([...takenRows, ...freshRows].map((row) => `${row.status} ${row.result}`))).toEqual(
    new Set(['200 {"ok":true,"next":"code","email":"EMAIL","token":43}']),
  );
  const median = (rows: { ms: number }[]) =>
    rows.map((row) => row.ms).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  const [a, b] = [median(takenRows), median(freshRows)];
  console.log(`SEC-62 medians: taken ${a.toFixed(1)} ms, new ${b.toFixed(1)} ms`);
  expect(Math.abs(a - b) / Math.min(a, b)).toBeLessThan(0.2);
});
