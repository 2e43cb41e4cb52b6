// Issue 16 part 2: what the server says to a person — a refusal from a server action, a mail — is in the language of
// their request (Accept-Language here, as a browser sends it), over HTTP as a browser posts the actions. The code
// stays language-neutral; English requests keep their English (every other spec).
import { expect, test } from "@playwright/test";
import { confirmSignUp, portalClient, startPasswordSignIn, startSignUp } from "@/test/portal-client";
import { PASSWORD, uniqueEmail } from "./fixtures/account";
import { mailTo } from "./fixtures/mail";

test("a Spanish request gets its sign-up mail and a wrong password's refusal in Spanish, an Arabic one in Arabic", async ({
  baseURL,
}) => {
  const spanish = portalClient(baseURL!).withHeaders({ "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" });
  const email = uniqueEmail("es");

  // The sign-up mail, written in the request's language: subject and body, the code on its own line.
  const start = await startSignUp(spanish, email, PASSWORD);
  expect(start.result).toMatchObject({ ok: true, next: "code" });
  const mail = (await mailTo(email)).at(-1)!;
  expect(mail.subject).toBe("Tu código de registro de Passkey Lab");
  expect(mail.body).toContain("Tu código para terminar de crear tu cuenta de Passkey Lab:");
  expect(mail.body).toContain("Sirve una vez, durante 15 minutos.");
  const code = mail.body.match(/^\s+(\d{6})$/m)?.[1];
  expect(code).toBeTruthy();
  if (!start.result?.ok) return;

  // A wrong code is refused in Spanish, with the tries left as Spanish counts them; the right one makes the account.
  const wrong = await confirmSignUp(spanish, start.result.pendingToken, code === "000000" ? "111111" : "000000");
  expect(wrong.result).toEqual({
    ok: false,
    code: "sign-up:invalid-code",
    message: "Ese código no ha funcionado. Usa el código del correo más reciente que te enviamos; quedan 4 intentos.",
  });
  expect((await confirmSignUp(spanish, start.result.pendingToken, code!)).signedIn).toBe(true);

  // The sign-in action's refusal of a wrong password: the same code, the person's words.
  const refused = await startPasswordSignIn(spanish, email, `${PASSWORD}!`);
  expect(refused.result).toEqual({
    ok: false,
    code: "auth:invalid-credentials",
    message: "Usuario no encontrado o contraseña no válida",
  });
  const arabic = portalClient(baseURL!).withHeaders({ "Accept-Language": "ar" });
  expect((await startPasswordSignIn(arabic, email, `${PASSWORD}!`)).result).toEqual({
    ok: false,
    code: "auth:invalid-credentials",
    message: "المستخدم غير موجود أو كلمة المرور غير صحيحة",
  });
});
