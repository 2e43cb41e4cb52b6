// Route handlers answer only the methods they export; for the others Next.js sends a 405 with an empty body. A
// handler exports `refuseMethod` for the served methods it does not take (GET, HEAD, POST: server.mjs answers every
// other method itself), so a request of any method gets the one failure shape (security bar H66).
import { failureResponse } from "@/lib/errors";

/** A handler for a method this route does not take; `allowed` is the route's own list, for the Allow header. */
export function refuseMethod(allowed: string) {
  return (request: Request): Response =>
    failureResponse(
      { code: "request:method", message: `${request.method} is not served here; this address takes ${allowed}.` },
      { Allow: allowed },
    );
}
