/**
 * Two runs' records (and reports) compared bit for bit: every number with Object.is, so NaN equals
 * NaN and +0 differs from −0, every key and array element in both. The answer names the first
 * difference as a path ("step 7: gradNorms.dense1/kernel: 0.25 vs 0.25000003"), or null.
 */

function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: an array against a non-array`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`);
    if (d !== null) return d;
  }
  return null;
}

/** The first field of the first step where two record lists differ (length included), or null when they are the same bits. */
export function firstRecordDifference(a: readonly { step: number }[], b: readonly { step: number }[]): string | null {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = firstDifference(a[i], b[i], '');
    if (d !== null) return `step ${a[i]!.step}: ${d}`;
  }
  return a.length === b.length ? null : `${a.length} records vs ${b.length}`;
}

/** The first difference between two values of any plain shape (a report, a preview), or null. */
export function firstValueDifference(a: unknown, b: unknown): string | null {
  return firstDifference(a, b, '');
}
