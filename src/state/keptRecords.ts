/**
 * Which step records of a run are kept for export. Every record is kept up to a cap: 100,000
 * records, or fewer where a record is large, so the kept numbers never take more than 16 MiB (the
 * default MLP's 144-byte rows reach 100,000 in 14 MiB; a U-Net with batch norm, 984 bytes a row,
 * keeps 17,000). Past the cap the run keeps what explains it: its first steps (how it started),
 * the steps around its first non-finite one (how it broke), and its last steps (where it is now),
 * and says so, so an export never passes a part of a run off as the whole of it.
 */
import type { StepRecord } from '../engine/records';
import { RecordTable, rowBytes } from './recordTable';
import type { ExportedRecords } from './stepCoverage';

export const MAX_KEPT_RECORDS = 100_000;
export const KEPT_BYTES = 16 * 2 ** 20;

/** How many records each part keeps once a run is past the cap. */
export interface KeepPolicy {
  /** Every record up to this many is kept. */
  cap: number;
  first: number;
  /** Records kept before the first non-finite one, and after it. */
  before: number;
  after: number;
  last: number;
}

/** The policy for records of `bytesPerRecord`: 45 % first, 10 % around the flag, 45 % last. */
export function keepPolicy(bytesPerRecord: number, maxRecords = MAX_KEPT_RECORDS, budgetBytes = KEPT_BYTES): KeepPolicy {
  const byBudget = Math.floor(budgetBytes / bytesPerRecord);
  // A round cap makes the statement in the file read plainly ("the first 7,650 steps").
  const cap = Math.max(20, Math.min(maxRecords, byBudget >= 1000 ? byBudget - (byBudget % 1000) : byBudget));
  const first = Math.floor(cap * 0.45);
  const before = Math.floor(cap * 0.05);
  return { cap, first, before, after: before - 1, last: cap - first - 2 * before };
}

export class KeptRecords {
  private policy: KeepPolicy | null = null;
  /** Records 0 … first−1. */
  private readonly head = new RecordTable();
  /** Records windowStart … around the first non-finite one, past the head. */
  private readonly window = new RecordTable();
  private windowStart = 0;
  /** The latest records past the head, as a ring: record i is row (i − first) mod last. */
  private readonly tail = new RecordTable();
  private count = 0;
  private flagged: number | null = null;

  constructor(
    private readonly maxRecords = MAX_KEPT_RECORDS,
    private readonly budgetBytes = KEPT_BYTES,
  ) {}

  get length(): number {
    return this.count;
  }

  push(r: StepRecord): void {
    const p = (this.policy ??= keepPolicy(rowBytes(r), this.maxRecords, this.budgetBytes));
    const i = this.count++;
    if (i < p.first) this.head.push(r);
    else this.tail.put((i - p.first) % p.last, r);
    if (this.flagged === null && r.nonFinite) this.openWindow(i, p);
    if (this.flagged !== null && i >= this.windowStart && i <= this.flagged + p.after) this.window.push(r);
  }

  /** The kept records in step order and a statement of which they are. */
  exportable(): ExportedRecords {
    const p = this.policy;
    if (!p) return { records: [], steps: { total: 0, kept: 0, ranges: [], reason: null } };
    const headEnd = Math.min(this.count, p.first);
    const tailStart = Math.max(p.first, this.count - p.last);
    const windowEnd = Math.min(this.windowStart + this.window.length, tailStart);
    const parts: { from: number; to: number; at: (i: number) => StepRecord }[] = [
      { from: 0, to: headEnd, at: (i) => this.head.at(i) },
      { from: this.windowStart, to: windowEnd, at: (i) => this.window.at(i - this.windowStart) },
      { from: tailStart, to: this.count, at: (i) => this.tailAt(i, p) },
    ];
    const records: StepRecord[] = [];
    const spans: [number, number][] = [];
    for (const { from, to, at } of parts) {
      if (to <= from) continue;
      for (let i = from; i < to; i++) records.push(at(i));
      const previous = spans.at(-1);
      if (previous && previous[1] === from) previous[1] = to;
      else spans.push([from, to]);
    }
    // Ranges by record index, shown by step number (a live change carries the step count over).
    let offset = 0;
    const ranges = spans.map(([from, to]): [number, number] => {
      const range: [number, number] = [records[offset]!.step, records[offset + to - from - 1]!.step];
      offset += to - from;
      return range;
    });
    const reason = records.length === this.count ? null : describePolicy(p, this.flagged !== null, this.budgetBytes);
    return { records, steps: { total: this.count, kept: records.length, ranges, reason } };
  }

  clear(): void {
    this.policy = null;
    this.head.clear();
    this.window.clear();
    this.tail.clear();
    this.windowStart = 0;
    this.count = 0;
    this.flagged = null;
  }

  /** The first non-finite record is record i: keep the `before` records up to it, still in the ring. */
  private openWindow(i: number, p: KeepPolicy): void {
    this.flagged = i;
    this.windowStart = Math.max(i - p.before, p.first);
    for (let j = this.windowStart; j < i; j++) this.window.push(this.tailAt(j, p));
  }

  private tailAt(i: number, p: KeepPolicy): StepRecord {
    return this.tail.at((i - p.first) % p.last);
  }
}

const count = (n: number): string => n.toLocaleString('en-US');
const showMiB = (bytes: number): string => `${Number((bytes / 2 ** 20).toPrecision(3))} MiB`;

/** The rule in words, for the file and the page. */
function describePolicy(p: KeepPolicy, flagged: boolean, budgetBytes: number): string {
  const around = flagged ? `, the ${count(p.before)} before the first non-finite step, that step and the ${count(p.after)} after it` : '';
  return `a run keeps at most ${count(p.cap)} steps for export (at most ${showMiB(budgetBytes)} of numbers): past that, its first ${count(p.first)} steps${around} and its last ${count(p.last)}`;
}
