/**
 * The messages between the page and the import worker (import.worker.ts): a file in, its run out,
 * the records a slice at a time as the page asks for them. The page draws a slice per frame, and
 * asking for the next only then keeps the page from holding (and its garbage collector from
 * sweeping in one go) tens of thousands of records at once.
 */
import type { StepRecord } from '../engine/records';
import type { ImportedRun } from '../state/runFile';

export type ToImportWorker = { type: 'read'; file: Blob } | { type: 'next' };

export type FromImportWorker =
  /** Not read, or not a run file this playground reads: the sentence says why. */
  | { type: 'refused'; message: string }
  /** Everything but the records, and how many records there are. */
  | { type: 'head'; run: Omit<ImportedRun, 'records'>; records: number }
  /** The next slice (empty after the last). */
  | { type: 'records'; records: StepRecord[] };

/** Records per slice: the page takes one in a task of its own, and draws it in a frame, well under 50 ms. */
export const RECORDS_PER_SLICE = 500;
