// The header's way into the support console, for the people it is for. Only support staff see it: to everyone else
// the console answers 404 (lib/support/require-support.ts), and a link to it would tell them it exists. A staff
// member who is signed out signs in first, like anyone, and the link appears.
import { currentSession } from "@/lib/auth/session";

export async function SupportLink() {
  const session = await currentSession();
  if (session?.user.role !== "support") return null;
  return (
    <a href="/support" className="text-sm font-medium text-slate-700 hover:text-slate-950">
      Support
    </a>
  );
}
