/**
 * The full loss history of one run in a growable Float64Array (NaN and ±Inf kept as they are),
 * plus the last records for export. Records hold per-parameter maps, so only a bounded tail is kept.
 */
import type { StepRecord } from '../engine/records';

export const RECORDS_KEPT = 20_000;

export class RunHistory {
  private losses = new Float64Array(1024);
  private count = 0;
  private records: StepRecord[] = [];

  push(record: StepRecord): void {
    if (this.count === this.losses.length) {
      const grown = new Float64Array(this.losses.length * 2);
      grown.set(this.losses);
      this.losses = grown;
    }
    this.losses[this.count++] = record.loss;
    this.records.push(record);
    // Trim in chunks: splicing one record per step would make every step O(n).
    if (this.records.length > RECORDS_KEPT * 1.25) this.records = this.records.slice(-RECORDS_KEPT);
  }

  get length(): number {
    return this.count;
  }

  lossArray(): number[] {
    return Array.from(this.losses.subarray(0, this.count));
  }

  lossAt(i: number): number {
    return this.losses[i]!;
  }

  keptRecords(): StepRecord[] {
    return this.records.slice(-RECORDS_KEPT);
  }

  clear(): void {
    this.count = 0;
    this.records = [];
  }
}
