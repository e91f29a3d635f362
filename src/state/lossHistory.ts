/**
 * The full loss history of one run in a growable Float64Array (NaN and ±Inf kept as they are),
 * plus the latest RECORDS_KEPT records for export in a fixed-size table (the JSON and CSV exports
 * hold those; the chart holds every step's loss).
 */
import type { StepRecord } from '../engine/records';
import { RecordTable } from './recordTable';

const RECORDS_KEPT = 5_000;

export class RunHistory {
  private losses = new Float64Array(1024);
  private count = 0;
  private readonly records = new RecordTable(RECORDS_KEPT);

  push(record: StepRecord): void {
    if (this.count === this.losses.length) {
      const grown = new Float64Array(this.losses.length * 2);
      grown.set(this.losses);
      this.losses = grown;
    }
    this.losses[this.count++] = record.loss;
    this.records.push(record);
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
    return this.records.toArray();
  }

  clear(): void {
    this.count = 0;
    this.records.clear();
  }
}
