import Link from "next/link";
import { Card } from "@/components/card";
import { SiteChecker } from "./site-checker";

export const metadata = { title: "Check a site's passkey files" };

export default function SiteCheckPage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Check a site&apos;s passkey files</h1>
        <p className="text-slate-700">
          Give an RP ID or an origin. This server fetches its <code>/.well-known/webauthn</code> (related origins: other
          sites that may use the RP ID) and <code>/.well-known/passkey-endpoints</code> (where password managers send
          people to add or manage a passkey), then says rule by rule what is wrong and what browsers will do. Only
          public addresses are fetched. To inspect a response instead, go to{" "}
          <Link href="/inspect" className="underline">
            Inspect a response
          </Link>
          .
        </p>
      </div>
      <Card title="Site">
        <SiteChecker />
      </Card>
    </div>
  );
}
