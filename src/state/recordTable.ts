/**
 * Step records stored row by row in one Float64Array of fixed capacity, allocated on the first
 * record: a StepRecord object with its four per-parameter maps costs ~600 bytes of heap, a row here
 * 8 bytes per number, and once allocated the table never grows, so the page's heap stays flat
 * however long a run plays (the soak test holds it within +10 % from step 500 to 5,000). Past the
 * capacity the oldest quarter is dropped. Records whose key sets differ from the first one's (none
 * in practice: the model is fixed for a run) are kept as objects beside the table.
 */
import type { SentinelWarning, StepRecord } from '../engine/records';

type MapField = 'gradNorms' | 'weightNorms' | 'updateRatios' | 'activationMax';
const MAP_FIELDS: MapField[] = ['gradNorms', 'weightNorms', 'updateRatios', 'activationMax'];
const FIXED = 4; // step, loss, gradNorm, flags (1 = nonFinite, 2 = skipped)

interface Layout {
  keys: Record<MapField, string[]>;
  stride: number;
}

function layoutOf(r: StepRecord): Layout {
  const keys = Object.fromEntries(MAP_FIELDS.map((f) => [f, Object.keys(r[f])])) as Record<MapField, string[]>;
  return { keys, stride: FIXED + MAP_FIELDS.reduce((n, f) => n + keys[f].length, 0) };
}

function fits(layout: Layout, r: StepRecord): boolean {
  return MAP_FIELDS.every((f) => {
    const want = layout.keys[f];
    const have = Object.keys(r[f]);
    return have.length === want.length && have.every((k, i) => k === want[i]);
  });
}

export class RecordTable {
  private layout: Layout | null = null;
  private data = new Float64Array(0);
  private rows = 0;
  /** Row index → warnings (rare) and row index → a record that did not fit the layout. */
  private warnings = new Map<number, SentinelWarning[]>();
  private irregular = new Map<number, StepRecord>();

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.rows;
  }

  push(r: StepRecord): void {
    if (this.rows === this.capacity) this.dropOldest(Math.ceil(this.capacity / 4));
    this.layout ??= layoutOf(r);
    const row = this.rows++;
    if (!fits(this.layout, r)) {
      this.irregular.set(row, r);
      return;
    }
    const { stride, keys } = this.layout;
    if (this.data.length === 0) this.data = new Float64Array(this.capacity * stride);
    let o = row * stride;
    this.data[o++] = r.step;
    this.data[o++] = r.loss;
    this.data[o++] = r.gradNorm;
    this.data[o++] = (r.nonFinite ? 1 : 0) | (r.skipped ? 2 : 0);
    for (const f of MAP_FIELDS) for (const k of keys[f]) this.data[o++] = r[f][k]!;
    if (r.warnings.length > 0) this.warnings.set(row, r.warnings);
  }

  /** Row i as a StepRecord (a fresh object). */
  at(i: number): StepRecord {
    const odd = this.irregular.get(i);
    if (odd) return odd;
    const { stride, keys } = this.layout!;
    let o = i * stride;
    const d = this.data;
    const step = d[o++]!;
    const loss = d[o++]!;
    const gradNorm = d[o++]!;
    const flags = d[o++]!;
    const maps = {} as Record<MapField, Record<string, number>>;
    for (const f of MAP_FIELDS) maps[f] = Object.fromEntries(keys[f].map((k) => [k, d[o++]!]));
    return { step, loss, gradNorm, ...maps, nonFinite: (flags & 1) !== 0, skipped: (flags & 2) !== 0, warnings: this.warnings.get(i) ?? [] };
  }

  toArray(): StepRecord[] {
    return Array.from({ length: this.rows }, (_, i) => this.at(i));
  }

  clear(): void {
    this.layout = null;
    this.data = new Float64Array(0);
    this.rows = 0;
    this.warnings.clear();
    this.irregular.clear();
  }

  /** Forget the oldest n rows (a run longer than the capacity keeps its latest records). */
  private dropOldest(n: number): void {
    const stride = this.layout?.stride ?? 0;
    this.data.copyWithin(0, n * stride, this.rows * stride);
    this.rows -= n;
    const shift = <T>(m: Map<number, T>): Map<number, T> => new Map([...m].filter(([i]) => i >= n).map(([i, v]) => [i - n, v]));
    this.warnings = shift(this.warnings);
    this.irregular = shift(this.irregular);
  }
}
