import Link from "next/link";
import { Card } from "@/components/card";
import { vectors } from "@/lib/inspect/vectors";
import { Inspector, type Example } from "./inspector";

export const metadata = { title: "Inspect a response" };

// Real captures from SimpleWebAuthn's test suite (lib/inspect/vectors), with what the relying party expected.
const examples: Example[] = [
  { label: "Registration: a YubiKey (fido-u2f)", vector: vectors.fidoU2f },
  { label: "Registration: a TPM (judged as of 2020)", vector: vectors.tpm },
  { label: "Authentication: ES256 with its stored key", vector: vectors.authenticationEs256 },
];

export default function InspectPage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Inspect a WebAuthn response</h1>
        <p className="text-slate-700">
          Paste what <code>navigator.credentials.create()</code> or <code>.get()</code> returned, as JSON. Every field
          is decoded and every verification step of WebAuthn Level 3 is judged, with the step it comes from. Paste the
          options your server sent too, and the response is judged against what was asked. Nothing you paste is stored.
        </p>
        <p className="text-slate-700">
          To check a site&apos;s related origins and passkey endpoints files instead,{" "}
          <Link href="/inspect/site" className="underline">
            check a site
          </Link>
          .
        </p>
      </div>
      <Card title="Response and expectations">
        <Inspector examples={examples} />
      </Card>
    </div>
  );
}
