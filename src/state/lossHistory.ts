/**
 * The full loss history of one run in a growable Float64Array (NaN and ±Inf kept as they are),
 * plus its records for export (keptRecords.ts: every one up to a cap, then the first, those around
 * the first non-finite one and the last); the chart holds every step's loss.
 */
import type { StepRecord } from '../engine/records';
import { KeptRecords } from './keptRecords';
import type { ExportedRecords } from './stepCoverage';

export class RunHistory {
  private losses = new Float64Array(1024);
  private count = 0;
  private readonly records = new KeptRecords();

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

  /** The records an export holds, in step order, and which steps of the run they are. */
  exportable(): ExportedRecords {
    return this.records.exportable();
  }

  clear(): void {
    this.count = 0;
    this.records.clear();
  }
}
