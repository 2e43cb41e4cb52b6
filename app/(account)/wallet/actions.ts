"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseInput, withSession } from "@/lib/auth/action-guard";
import { finishWithdrawal, startWithdrawal } from "@/lib/wallet/withdrawal";

const requestSchema = z.object({ amount: z.string().max(40), destination: z.string().max(200) });

export async function startWithdrawalAction(request: unknown) {
  return withSession(async (session) => {
    const input = parseInput(requestSchema, request);
    if (!input.ok) return input;
    return startWithdrawal(session, input.data);
  });
}

export async function finishWithdrawalAction(ceremonyId: unknown, request: unknown, response: unknown) {
  return withSession(async (session, client) => {
    const input = parseInput(z.object({ ceremonyId: z.string().min(1).max(100), request: requestSchema }), { ceremonyId, request });
    if (!input.ok) return input;
    const result = await finishWithdrawal(session, input.data.ceremonyId, input.data.request, response, client);
    if (result.ok) revalidatePath("/wallet");
    return result;
  });
}
