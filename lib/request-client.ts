import "server-only";
import { headers } from "next/headers";
import { describeClient } from "./client-info";

/** The browser and OS of the current request, for the activity log and a passkey's "last used". */
export async function requestClient(): Promise<string> {
  return describeClient((await headers()).get("user-agent"));
}
