// The run as files, written by the same reporters as the CLI's --json and --junit (lib/conformance/reporters).
export function RunDownloads({ runId }: { runId: string }) {
  const base = `/conformance/runs/${runId}`;
  return (
    <p className="flex gap-4 text-sm" data-testid="run-downloads">
      <a href={`${base}/report.json`} download className="text-brand-700 underline">
        Download JSON
      </a>
      <a href={`${base}/junit.xml`} download className="text-brand-700 underline">
        Download JUnit XML
      </a>
    </p>
  );
}
