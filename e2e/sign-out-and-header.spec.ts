// The header says whether you are signed in, and signing out says so on the sign-in page — from a fixed flag the
// sign-out sets, never from words a link could carry.
import { expect, test } from "@playwright/test";
import { signUp } from "./fixtures/account";

test("visitors see Sign in and Sign up; signed-in people their account, wallet and Sign out, which says they are signed out", async ({
  page,
}) => {
  await page.goto("/");
  const header = page.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign up" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Account" })).toHaveCount(0);
  await expect(header.getByRole("link", { name: "Wallet" })).toHaveCount(0);

  await signUp(page);
  await expect(header.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Wallet" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("status").filter({ hasText: "You're signed out." })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  // Said once: a reload is an ordinary sign-in page.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("You're signed out.")).toHaveCount(0);
});

test("a link cannot make the sign-in page say someone is signed out, or anything else", async ({ page }) => {
  await page.goto("/sign-in?signed-out=1&message=Your%20account%20is%20suspended");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("You're signed out.")).toHaveCount(0);
  await expect(page.getByText("suspended")).toHaveCount(0);
});
