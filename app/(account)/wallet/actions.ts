"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseInput, withSession } from "@/lib/auth/action-guard";
import { fail } from "@/lib/result";
import { finishWithdrawal, startWithdrawal } from "@/lib/wallet/withdrawal";
import { ADDRESS_MAX_LENGTH, AMOUNT_MAX_LENGTH } from "./request-limits";

const requestSchema = z.object({
  amount: z.string().max(AMOUNT_MAX_LENGTH, "input.amount-too-long"),
  destination: z.string().max(ADDRESS_MAX_LENGTH, "input.address-too-long"),
});

export async function startWithdrawalAction(request: unknown) {
  return withSession(async (session) => {
    const input = parseInput(requestSchema, request);
    // The message names the field and the fix; zod's list of issues would only repeat it as "Technical detail".
    if (!input.ok) return fail(input.code, input.says);
    return startWithdrawal(session, input.data);
  });
}

export async function finishWithdrawalAction(ceremonyId: unknown, request: unknown, response: unknown) {
  return withSession(async (session, client) => {
    const input = parseInput(z.object({ ceremonyId: z.string().min(1).max(100), request: requestSchema }), {
      ceremonyId,
      request,
    });
    if (!input.ok) return input;
    const result = await finishWithdrawal(session, input.data.ceremonyId, input.data.request, response, client);
    if (result.ok) revalidatePath("/wallet");
    return result;
  });
}
