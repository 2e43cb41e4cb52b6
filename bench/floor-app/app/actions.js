"use server";

export async function noopAction() {
  return { ok: true };
}
