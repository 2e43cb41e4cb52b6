// lib/compat's words in the person's language (issue 16): the wizard's automatic checks, judged on the server in the
// request's language, and a refused passkey sign-in explained by the server in the page's language, the alert's own
// labels too.
import { expect, test } from "@playwright/test";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";
import { openWizard } from "./fixtures/troubleshoot";
import { expectNoEnglish } from "./fixtures/untranslated";

test("in Spanish, the automatic checks have no English left, and a refused passkey sign-in explains itself in Spanish", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: "locale", value: "es", url: baseURL! }]);
  await openWizard(page);
  const checks = page.locator("section", { has: page.getByTestId("platform") });
  await expect(checks.getByRole("list", { name: "Resultados de las comprobaciones" })).toBeVisible();
  await checks.getByText(/comprobaciones superadas/).click();
  const passed = checks.getByRole("list", { name: "Comprobaciones superadas" });
  await expect(passed.locator('[data-finding="secure-context"]')).toContainText(
    "La conexión es segura, como exigen las llaves de acceso.",
  );
  await expect(passed.getByText("Correcto").first()).toBeVisible();
  // The technical evidence is for staff and stays English (lang="en"); every sentence a person reads is Spanish.
  await expectNoEnglish(checks, { except: "[data-evidence]" });

  // An authenticator that holds no passkey for this site: the browser refuses with NotAllowedError.
  await VirtualAuthenticator.attach(page);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Iniciar sesión con una llave de acceso" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "La solicitud de la llave de acceso no terminó." });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Se cerró o canceló el aviso de la llave de acceso.");
  await expect(alert).toContainText("No cuenta como intento fallido.");
  await expect(alert).toContainText("Lo más probable:");
  await expect(alert.getByRole("list", { name: "Qué hacer" })).toBeVisible();
  // The browser's own words stay as it said them (the technical detail, folded away), and so does the alert's label.
  await expect(alert.getByText("Detalle técnico")).toBeVisible();
  await expectNoEnglish(alert, { except: "details code" });
});
