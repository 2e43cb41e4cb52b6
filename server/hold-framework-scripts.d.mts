// Types for hold-framework-scripts.mjs, which stays plain JavaScript so that server.mjs runs without a loader.
import type { ServerResponse } from "node:http";

export const FIRST_CONTENT_EVENTS: Map<string, string>;
export const HELD_TYPE: string;
export const FALLBACK_MS: number;
export function holdScriptsInHead(head: string, event: string, policy?: string | number | string[]): string | null;
export function holdFrameworkScripts(response: ServerResponse, event: string): void;
