import type { MismatchTableText } from "@/lib/troubleshoot/live-test-words";
import type { MismatchCheck } from "@/lib/troubleshoot/mismatch";
import { StatusBadge } from "./status-badge";

/** Expected vs received, in words: why the server accepted or refused a response. */
export function MismatchTable({ checks, text }: { checks: MismatchCheck[]; text: MismatchTableText }) {
  if (checks.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-start text-xs">
        <caption className="sr-only">{text.caption}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pe-3">
              {text.check}
            </th>
            <th scope="col" className="py-1 pe-3">
              {text.expected}
            </th>
            <th scope="col" className="py-1 pe-3">
              {text.received}
            </th>
            <th scope="col" className="py-1">
              {text.meaning}
            </th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.field} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1 pe-3 font-medium">
                <StatusBadge status={check.ok ? "ok" : "problem"} /> {check.field}
              </th>
              <td className="break-all py-1 pe-3">{check.expected}</td>
              <td className="break-all py-1 pe-3">{check.received}</td>
              <td className="py-1">{check.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
