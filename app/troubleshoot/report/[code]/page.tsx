import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { notFound } from "next/navigation";
import { ReportView } from "@/components/troubleshoot/report-view";
import { reportContentSchema } from "@/lib/troubleshoot/report-content";
import { requestSource } from "@/lib/request-client";
import { lookUpReport } from "@/lib/troubleshoot/reports";
import { inTheirLanguage } from "@/lib/in-their-language";
import { CopyButton } from "./copy-button";

export const metadata = { title: "Troubleshooting report" };

export default async function ReportPage({ params }: { params: Promise<{ code: string }> }) {
  const found = await lookUpReport((await params).code, await requestSource());
  if (!found.ok && found.code === "rate:limited")
    return <TooManyLookUps message={(await inTheirLanguage(found)).message} />;
  const saved = found.ok ? found.data : null;
  const report = saved && reportContentSchema.safeParse(saved.content);
  if (!saved || !report?.success) notFound();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/troubleshoot" className="text-sm text-brand-700 underline">
          ← Troubleshooting
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Troubleshooting report</h1>
        <p className="mt-1 text-lg">
          Code{" "}
          <strong className="font-mono tracking-widest" data-testid="report-code">
            {saved.code}
          </strong>
        </p>
        <p className="text-sm text-slate-600">
          Read this code to support staff. Kept until <LocalTime date={saved.expiresAt} show="date" />; no keys,
          challenges or tokens are in it.
        </p>
        <div className="mt-3 flex flex-wrap gap-3">
          <CopyButton text={JSON.stringify(saved.content, null, 2)} />
          <a
            href={`/troubleshoot/report/${saved.code}/json`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium"
          >
            Download JSON
          </a>
        </div>
      </div>
      <ReportView report={report.data} />
    </div>
  );
}

function TooManyLookUps({ message }: { message: string }) {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Troubleshooting report</h1>
      <p role="alert" className="text-sm text-red-800">
        {message}
      </p>
    </div>
  );
}
