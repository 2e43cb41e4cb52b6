// A message region that screen readers announce; errors assertively, the rest politely.
import type { ReactNode } from "react";

/** The layout's <meta> holding the labels below in the page's language (JSON), as reachServer's sentence is held. */
export const ALERT_WORDS_META = "passkey-lab:alert-words";

const ENGLISH = {
  mostLikely: "Most likely:",
  otherCauses: "Other possible causes:",
  whatToDo: "What to do:",
  technicalDetail: "Technical detail",
};

/**
 * The labels in the page's language. An alert with causes, fixes or a detail appears only after something the person
 * did (a refused request), so it is rendered in the browser, where the layout's words are; English elsewhere.
 */
function alertWords(): typeof ENGLISH {
  try {
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${ALERT_WORDS_META}"]`);
    return { ...ENGLISH, ...(JSON.parse(meta?.content ?? "{}") as Partial<typeof ENGLISH>) };
  } catch {
    return ENGLISH;
  }
}

const alertStyles = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-green-200 bg-green-50 text-green-800",
  info: "border-brand-100 bg-brand-50 text-slate-800",
} as const;

type Props = {
  tone: keyof typeof alertStyles;
  children?: ReactNode;
  detail?: string;
  /** Possible causes, one per line, the likely one first. */
  causes?: string[];
  /** What to do, one step per line. */
  fixes?: string[];
};

/** A label as a list's name: without its colon. */
const unlabelled = (label: string) => label.replace(/[:：]$/, "");

/** A message region that screen readers announce when its text changes. */
export function Alert({ tone, children, detail, causes, fixes }: Props) {
  const words = causes?.length || fixes?.length || detail ? alertWords() : ENGLISH;
  return (
    <div role={tone === "error" ? "alert" : "status"} aria-live={tone === "error" ? "assertive" : "polite"}>
      {children && (
        <div className={`rounded-md border px-3 py-2 text-sm ${alertStyles[tone]}`}>
          <p>{children}</p>
          {causes && causes.length > 0 && (
            <>
              <p className="mt-2 font-medium">
                {words.mostLikely} {causes[0]}
              </p>
              {causes.length > 1 && (
                <>
                  <p className="mt-1">{words.otherCauses}</p>
                  <ul aria-label={unlabelled(words.otherCauses)} className="list-disc pl-5">
                    {causes.slice(1).map((cause) => (
                      <li key={cause}>{cause}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          {fixes && fixes.length > 0 && (
            <>
              <p className="mt-2 font-medium">{words.whatToDo}</p>
              <ul aria-label={unlabelled(words.whatToDo)} className="list-disc pl-5">
                {fixes.map((fix) => (
                  <li key={fix}>{fix}</li>
                ))}
              </ul>
            </>
          )}
          {detail && (
            <details className="mt-1 text-xs opacity-80">
              <summary className="cursor-pointer">{words.technicalDetail}</summary>
              <code className="break-all">{detail}</code>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
