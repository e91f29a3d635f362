/**
 * Step records stored as rows of numbers in Float64Array chunks, allocated as rows arrive: a
 * StepRecord object with its four per-parameter maps costs ~600 bytes of heap and a JSON copy of
 * it 575 bytes (the default MLP), a row here 8 bytes per number (144 bytes for that MLP, 984 for a
 * U-Net with batch norm). The numbers live in typed-array memory, outside the JS heap, and a chunk
 * is never moved or copied once allocated. Records whose key sets differ from the first one's
 * (none in practice: the model is fixed for a run) are kept as objects beside the table. A run
 * whose first record has a held-out loss gets one more column for it (every 10th row holds one).
 */
import type { SentinelWarning, StepRecord } from '../engine/records';

type MapField = 'gradNorms' | 'weightNorms' | 'updateRatios' | 'activationMax';
const MAP_FIELDS: MapField[] = ['gradNorms', 'weightNorms', 'updateRatios', 'activationMax'];
const FIXED = 4; // step, loss, gradNorm, flags (1 = nonFinite, 2 = skipped, 4 = heldOutLoss set)
/** Rows per chunk: small enough that a short run allocates little, large enough that chunks stay few. */
const CHUNK_ROWS = 4096;

interface Layout {
  keys: Record<MapField, string[]>;
  /** A column for the held-out loss follows the fixed ones. */
  heldOut: boolean;
  stride: number;
}

function layoutOf(r: StepRecord): Layout {
  const keys = Object.fromEntries(MAP_FIELDS.map((f) => [f, Object.keys(r[f])])) as Record<MapField, string[]>;
  const heldOut = r.heldOutLoss !== undefined;
  return { keys, heldOut, stride: FIXED + (heldOut ? 1 : 0) + MAP_FIELDS.reduce((n, f) => n + keys[f].length, 0) };
}

/** Bytes one record of this shape takes as a row. */
export function rowBytes(r: StepRecord): number {
  return layoutOf(r).stride * Float64Array.BYTES_PER_ELEMENT;
}

function fits(layout: Layout, r: StepRecord): boolean {
  if (r.heldOutLoss !== undefined && !layout.heldOut) return false;
  return MAP_FIELDS.every((f) => {
    const want = layout.keys[f];
    const have = Object.keys(r[f]);
    return have.length === want.length && have.every((k, i) => k === want[i]);
  });
}

export class RecordTable {
  private layout: Layout | null = null;
  private chunks: Float64Array[] = [];
  private rows = 0;
  /** Row index → warnings (rare) and row index → a record that did not fit the layout. */
  private readonly warnings = new Map<number, SentinelWarning[]>();
  private readonly irregular = new Map<number, StepRecord>();

  get length(): number {
    return this.rows;
  }

  push(r: StepRecord): void {
    this.put(this.rows, r);
  }

  /** Write row `row` (an existing row is overwritten; `length` appends). */
  put(row: number, r: StepRecord): void {
    if (row > this.rows) throw new RangeError(`row ${row} of a table of ${this.rows}`);
    if (row === this.rows) this.rows++;
    this.layout ??= layoutOf(r);
    this.warnings.delete(row);
    this.irregular.delete(row);
    if (!fits(this.layout, r)) {
      this.irregular.set(row, r);
      return;
    }
    const { stride, keys } = this.layout;
    const chunk = this.chunkFor(row);
    let o = (row % CHUNK_ROWS) * stride;
    chunk[o++] = r.step;
    chunk[o++] = r.loss;
    chunk[o++] = r.gradNorm;
    chunk[o++] = (r.nonFinite ? 1 : 0) | (r.skipped ? 2 : 0) | (r.heldOutLoss !== undefined ? 4 : 0);
    if (this.layout.heldOut) chunk[o++] = r.heldOutLoss ?? NaN;
    for (const f of MAP_FIELDS) for (const k of keys[f]) chunk[o++] = r[f][k]!;
    if (r.warnings.length > 0) this.warnings.set(row, r.warnings);
  }

  /** Row i as a StepRecord (a fresh object). */
  at(i: number): StepRecord {
    const odd = this.irregular.get(i);
    if (odd) return odd;
    const { stride, keys, heldOut } = this.layout!;
    const d = this.chunks[Math.floor(i / CHUNK_ROWS)]!;
    let o = (i % CHUNK_ROWS) * stride;
    const step = d[o++]!;
    const loss = d[o++]!;
    const gradNorm = d[o++]!;
    const flags = d[o++]!;
    const heldOutLoss = heldOut ? d[o++]! : NaN;
    const maps = {} as Record<MapField, Record<string, number>>;
    for (const f of MAP_FIELDS) maps[f] = Object.fromEntries(keys[f].map((k) => [k, d[o++]!]));
    const record: StepRecord = {
      step,
      loss,
      gradNorm,
      ...maps,
      nonFinite: (flags & 1) !== 0,
      skipped: (flags & 2) !== 0,
      warnings: this.warnings.get(i) ?? [],
    };
    if ((flags & 4) !== 0) record.heldOutLoss = heldOutLoss;
    return record;
  }

  toArray(): StepRecord[] {
    return Array.from({ length: this.rows }, (_, i) => this.at(i));
  }

  clear(): void {
    this.layout = null;
    this.chunks = [];
    this.rows = 0;
    this.warnings.clear();
    this.irregular.clear();
  }

  private chunkFor(row: number): Float64Array {
    const index = Math.floor(row / CHUNK_ROWS);
    while (this.chunks.length <= index) this.chunks.push(new Float64Array(CHUNK_ROWS * this.layout!.stride));
    return this.chunks[index]!;
  }
}
