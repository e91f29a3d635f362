/**
 * When the worker reads its trainer's checkpoint (engine/checkpoint.ts) and sends it to the page:
 * after a tick, once a second has passed since the last one. The page then always holds a state at
 * most a second of training behind its last record, and a run whose steps take seconds is
 * checkpointed after every step. A checkpoint is one readback of the weights and optimizer state,
 * a small share of a second of training. The latest one is kept here too: a lost GPU device takes
 * its tensors with it, and the run goes on from this copy.
 */
import type { Checkpoint } from '../engine/checkpoint';
import type { Trainer } from '../engine/trainer';
import type { FromWorker } from './protocol';

export const CHECKPOINT_EVERY_MS = 1000;

export class CheckpointKeeper {
  private lastAt = Number.NEGATIVE_INFINITY;
  private kept: Checkpoint | null = null;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly now: () => number,
  ) {}

  /** The latest checkpoint of the current run, or null before its first. */
  get latest(): Checkpoint | null {
    return this.kept;
  }

  /** A new run: nothing of the old one applies, and its first tick is checkpointed. */
  forget(): void {
    this.kept = null;
    this.lastAt = Number.NEGATIVE_INFINITY;
  }

  /** The next call sends one, whenever the last was (the settings changed under the run). */
  dueNow(): void {
    this.lastAt = Number.NEGATIVE_INFINITY;
  }

  /** The next afterSteps sends one. */
  get due(): boolean {
    return this.now() - this.lastAt >= CHECKPOINT_EVERY_MS;
  }

  /** After steps were taken: read and send a checkpoint if one is due (`force`: now). */
  async afterSteps(runId: number, trainer: Trainer, force = false): Promise<void> {
    if (!force && !this.due) return;
    let checkpoint: Checkpoint;
    try {
      checkpoint = await trainer.checkpoint();
    } catch {
      // A trainer whose state cannot be read now (a device going away) keeps the older checkpoint.
      return;
    }
    this.lastAt = this.now();
    this.kept = checkpoint;
    this.post({ type: 'checkpoint', runId, checkpoint });
  }
}
