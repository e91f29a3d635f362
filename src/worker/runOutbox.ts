/**
 * What the page hears of a run as it trains: step records in batches (one message per tick, not
 * per step), the sentinel's report once, and a preview with the network diagram's weights at most
 * every 250 ms, since each costs a readback and the page draws a few per second at most.
 */
import { driveAsync, driveSync } from '../engine/readback';
import type { StepRecord } from '../engine/records';
import type { Trainer } from '../engine/trainer';
import type { FromWorker } from './protocol';

const PREVIEW_EVERY_MS = 250;
/**
 * A tick at auto speed lasts about 12 ms; its records may wait for the next ticks' for up to this long. Why: each
 * message costs the page a task (its clone, the feed's push) and the worker a post, while the page's counter moves
 * at most every 66 ms and its charts every 120 ms or more (state/chartPacing.ts), so the wait is never seen.
 */
export const RECORDS_EVERY_MS = 32;

export class RunOutbox {
  private pending: StepRecord[] = [];
  private lastPreview = 0;
  private lastRecords = Number.NEGATIVE_INFINITY;
  private reportSent = false;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly now: () => number,
  ) {}

  add(record: StepRecord): void {
    this.pending.push(record);
  }

  /** Drop the records not sent yet: they belong to a run that is being replaced. */
  discard(): void {
    this.pending = [];
  }

  /** The trainer's next report is news to the page (a fresh run, or one restarted from step 0). */
  reportAgain(): void {
    this.reportSent = false;
  }

  /**
   * Send what is due; `force` sends a preview even if the last one is recent. `hold`: the run goes on at once, so
   * records may wait up to RECORDS_EVERY_MS for more (a stop, a pause or a checkpoint sends them all first).
   */
  flush(runId: number, trainer: Trainer | null, force = false, stepMs: number | null = null, hold = false): void {
    const now = this.now();
    if (this.pending.length > 0 && !(hold && now - this.lastRecords < RECORDS_EVERY_MS)) {
      this.lastRecords = now;
      this.post({ type: 'records', runId, records: this.pending, stepMs });
      this.pending = [];
    }
    if (trainer?.report && !this.reportSent) {
      this.reportSent = true;
      this.post({ type: 'report', runId, report: trainer.report });
    }
    if (trainer && (force || now - this.lastPreview >= PREVIEW_EVERY_MS)) {
      this.lastPreview = now;
      this.postPreview(runId, trainer);
    }
  }

  private postPreview(runId: number, trainer: Trainer): void {
    try {
      // WebGPU reads back only asynchronously; the preview arrives a moment later, tagged with its run.
      if (trainer.asyncOnly)
        void Promise.all([trainer.previewAsync(), driveAsync(trainer.networkFlow())]).then(
          ([preview, network]) => this.post({ type: 'preview', runId, preview, network }),
          () => undefined,
        );
      else this.post({ type: 'preview', runId, preview: trainer.preview(), network: driveSync(trainer.networkFlow()) });
    } catch {
      // A preview of a diverged model may hold nothing drawable; the next one will try again.
    }
  }
}
