// The one finding the wizard must be able to show without the server: the checks are judged there, so when it cannot
// be reached this is all the page can say. Kept apart so the page can import it without the rules and their tables.
import { type Finding, finding } from "./finding";

export const serverUnreachableFinding: Finding = finding(
  "server-reachable",
  "Connection to this site",
  "problem",
  "The page could not reach this site's server, so no passkey request can start.",
  "Check your internet connection and reload. If you use a VPN, firewall or content blocker, turn it off for this site and try again.",
);
