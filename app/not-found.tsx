export default function NotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-700">There is nothing at this address.</p>
      <a href="/" className="font-medium text-brand-700 underline">
        Go to the home page
      </a>
    </div>
  );
}
