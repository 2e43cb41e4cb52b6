// Decoded values read like a form, as webauthn.io's debugger shows them: a label and a value per field, nested
// groups for nested structures, flags as a list of named bits. Long ids and hex wrap anywhere (phones).
import type { ReactNode } from "react";

const ACRONYMS: Record<string, string> = {
  id: "ID",
  rp: "RP",
  aaguid: "AAGUID",
  cose: "COSE",
  json: "JSON",
  uv: "UV",
  up: "UP",
  x5c: "x5c",
  sha256: "SHA-256",
  crv: "Curve",
  kty: "Key type",
  alg: "Algorithm",
  url: "URL",
};

/** "rpIdHash" → "RP ID hash", "clientDataJSON" → "Client data JSON". */
export function fieldLabel(key: string): string {
  const words = key.split(/(?<=[a-z0-9])(?=[A-Z])/).map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  const first = words[0] ?? key;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(" ");
}

type Bit = { name: string; meaning: string; set: boolean };
const isBits = (value: unknown): value is Bit[] =>
  Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && "meaning" in item);

function renderValue(value: unknown, path: string): ReactNode {
  if (value === null || value === undefined) return <span className="text-slate-500">none</span>;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value !== "object") return <span className="font-mono text-xs">{String(value)}</span>;
  if (isBits(value))
    return (
      <ul className="flex flex-col">
        {value.map((bit) => (
          <li key={bit.name}>
            <span className="font-mono text-xs">{bit.name}</span> {bit.set ? "set" : "not set"}:{" "}
            <span className="text-slate-600">{bit.meaning}</span>
          </li>
        ))}
      </ul>
    );
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== "object" || item === null))
      return <span className="font-mono text-xs">{value.length > 0 ? value.join(", ") : "none"}</span>;
    return (
      <ol className="flex flex-col gap-2">
        {value.map((item, index) => (
          <li key={index}>{renderValue(item, `${path}.${index}`)}</li>
        ))}
      </ol>
    );
  }
  return <DecodedFields value={value as Record<string, unknown>} path={path} />;
}

export function DecodedFields({ value, path }: { value: Record<string, unknown>; path: string }) {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return (
    <dl className="grid min-w-0 grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr]">
      {entries.map(([key, item]) => (
        <div key={key} className="contents">
          <dt className="font-medium text-slate-700">{fieldLabel(key)}</dt>
          <dd className="mb-1 min-w-0 wrap-anywhere text-slate-900" data-field={`${path}.${key}`}>
            {renderValue(item, `${path}.${key}`)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
