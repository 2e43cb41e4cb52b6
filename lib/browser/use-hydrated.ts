// Whether React runs this page yet. A server-rendered control whose handler is React's is dead until then: a click on
// it does nothing (React replays no event from before it started). Such a control stays disabled until this is true.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False in the server's HTML and until React has hydrated this page, true from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
