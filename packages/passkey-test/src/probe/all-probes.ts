// Every probe, in the order they run: the happy paths first (they register the users and capture the sign-in the
// others build on), then what goes wrong for people, then what attackers do.
import { happyProbes } from "./happy-probes";
import type { Probe } from "./probe-context";
import { resilienceProbes } from "./resilience-probes";
import { tamperProbes } from "./tamper-probes";

export const allProbes: Probe[] = [...happyProbes, ...resilienceProbes, ...tamperProbes];
