"use client";

import { useState } from "react";
import { Button } from "@/components/ui";

/** `labels`: the button and its confirmation, in the page's language. */
export function CopyButton({ text, labels }: { text: string; labels: { copy: string; copied: string } }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
      >
        {labels.copy}
      </Button>
      <span role="status" className="self-center text-sm text-green-800">
        {copied ? labels.copied : ""}
      </span>
    </>
  );
}
