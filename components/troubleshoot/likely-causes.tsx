import type { LikelyCause } from "@/lib/compat/finding";

/** The list's heading, its name for screen readers and the label before each fix, in the page's language. */
export type LikelyCausesText = { heading: string; listName: string; fix: string };

const ENGLISH: LikelyCausesText = {
  heading: "Likely causes, the likeliest first:",
  listName: "Likely causes",
  fix: "Fix:",
};

/** Several causes a check cannot tell apart, the likeliest first, each with its own fix. */
export function LikelyCauses({ causes, text = ENGLISH }: { causes: LikelyCause[]; text?: LikelyCausesText }) {
  if (causes.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium">{text.heading}</p>
      <ol aria-label={text.listName} className="mt-1 list-decimal space-y-1 ps-5">
        {causes.map((cause) => (
          <li key={cause.cause}>
            {cause.cause} <span className="font-medium">{text.fix}</span> {cause.fix}
          </li>
        ))}
      </ol>
    </div>
  );
}
