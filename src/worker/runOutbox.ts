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

export class RunOutbox {
  private pending: StepRecord[] = [];
  private lastPreview = 0;
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

  /** Send what is due; `force` sends a preview even if the last one is recent. */
  flush(runId: number, trainer: Trainer | null, force = false, stepMs: number | null = null): void {
    if (this.pending.length > 0) {
      this.post({ type: 'records', runId, records: this.pending, stepMs });
      this.pending = [];
    }
    if (trainer?.report && !this.reportSent) {
      this.reportSent = true;
      this.post({ type: 'report', runId, report: trainer.report });
    }
    const now = this.now();
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
