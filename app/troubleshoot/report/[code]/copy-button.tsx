"use client";

import { useState } from "react";
import { Button } from "@/components/ui";

export function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
      >
        Copy report
      </Button>
      <span role="status" className="self-center text-sm text-green-800">
        {copied ? "Copied." : ""}
      </span>
    </>
  );
}
