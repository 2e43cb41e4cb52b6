// Dotted version numbers ("16.1", "131.0.6778.86") compared part by part, so "16.10" sorts after "16.9".

function parts(version: string): number[] | null {
  const match = /^\d+(\.\d+)*/.exec(version.trim().replace(/_/g, "."));
  return match ? match[0].split(".").map(Number) : null;
}

/** Negative when a < b, zero when equal (missing parts count as 0), positive when a > b; null if either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const left = parts(a);
  const right = parts(b);
  if (!left || !right) return null;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function majorVersion(version: string | null | undefined): number | null {
  const parsed = version ? parts(version) : null;
  return parsed ? parsed[0] : null;
}

/** "15.1.0" → "15.1", "14.0.0" → "14": client hints pad every version to three parts. */
export function shortVersion(version: string): string {
  const parsed = parts(version);
  if (!parsed) return version;
  while (parsed.length > 1 && parsed[parsed.length - 1] === 0) parsed.pop();
  return parsed.join(".");
}
