/**
 * A run's records for export (keptRecords.ts: every one up to a cap, then the first, those around
 * the first non-finite one and the last). Every step's loss lives in the run's LossTrace.
 */
import type { StepRecord } from '../engine/records';
import { KeptRecords } from './keptRecords';
import type { ExportedRecords } from './stepCoverage';

export class RunHistory {
  private count = 0;
  private readonly records = new KeptRecords();

  push(record: StepRecord): void {
    this.count += 1;
    this.records.push(record);
  }

  /** Records pushed since the last clear (more than an export may keep). */
  get length(): number {
    return this.count;
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
