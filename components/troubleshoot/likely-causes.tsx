import type { LikelyCause } from "@/lib/compat/finding";

/** Several causes a check cannot tell apart, the likeliest first, each with its own fix. */
export function LikelyCauses({ causes }: { causes: LikelyCause[] }) {
  if (causes.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium">Likely causes, the likeliest first:</p>
      <ol aria-label="Likely causes" className="mt-1 list-decimal space-y-1 pl-5">
        {causes.map((cause) => (
          <li key={cause.cause}>
            {cause.cause} <span className="font-medium">Fix:</span> {cause.fix}
          </li>
        ))}
      </ol>
    </div>
  );
}
