// The smallest App Router app that has a server action and a route handler: what Next.js itself costs per request.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
