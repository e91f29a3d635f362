/**
 * The liveness rule for a training worker (the main run's and a compare run's). While the page
 * expects the worker to be at work (it has sent a request, and the worker has not said since that
 * it is idle), it pings every PING_EVERY_MS. The worker answers a ping at once, outside its message
 * queue, saying whether it is busy and how long its last step took; records arrive every tick too,
 * and any message counts as a sign of life. The worker is silent only inside one synchronous tick:
 * its budget (at most 40 ms) plus one step, and a step that trips the sentinel replays up to 21
 * steps with full checks inside the same call (about 1.6 plain steps each, measured on cpu), so a
 * healthy worker is never silent much longer than 40 ms + 35 steps. The page allows
 * SLOW_STEP_FACTOR steps, and never less than MIN_SILENCE_MS: a tiny model is declared stopped
 * within a second, a U-Net taking 1 s a step on cpu after 50 s of silence. Before a model's first
 * step its time is unknown (the first step also compiles kernels), so FIRST_STEP_MS applies.
 * One more case is quick whatever the model: a request to a worker that said it was idle goes
 * right after a ping, on the same port, so the worker answers that ping before it even reads the
 * request, let alone starts a step; unanswered after MIN_SILENCE_MS, the worker is gone.
 */
import { SilenceWatch, type LivenessClock } from './liveness';

export const PING_EVERY_MS = 100;
export const MIN_SILENCE_MS = 750;
export const SLOW_STEP_FACTOR = 50;
export const FIRST_STEP_MS = 120_000;

/** The longest silence allowed of a worker whose last step took `stepMs` (null: none taken yet). */
export function silenceAllowedMs(stepMs: number | null): number {
  return stepMs === null ? FIRST_STEP_MS : Math.max(MIN_SILENCE_MS, SLOW_STEP_FACTOR * stepMs);
}

/** A worker's answer to ping `seq`. */
export interface Pong {
  seq: number;
  /** Training, or a message still being handled. */
  busy: boolean;
  /** How long the current model's last step took; null before its first. */
  stepMs: number | null;
}

export class TrainingHeartbeat {
  private seq = 0;
  /** The last ping sent before the latest request: answers up to it say nothing about that request. */
  private requestSeq = 0;
  /** A ping sent to an idle worker ahead of a request, which it answers at once if it is there. */
  private ackSeq: number | null = null;
  /** The worker has answered once: it has loaded (before that, loading its script counts as working). */
  private answeredOnce = false;
  private stepMs: number | null = null;
  private readonly watch: SilenceWatch;

  constructor(
    clock: LivenessClock,
    private readonly ping: (seq: number) => void,
    onSilent: (silentMs: number) => void,
  ) {
    this.watch = new SilenceWatch(clock, {
      everyMs: PING_EVERY_MS,
      allowedMs: () => (this.ackSeq !== null ? MIN_SILENCE_MS : silenceAllowedMs(this.stepMs)),
      onCheck: () => ping(++this.seq),
      onSilent,
    });
  }

  /**
   * The page is about to send a request (call this before posting it); `newModel`: the request
   * builds a model, whose first step has no known time.
   */
  expect(newModel: boolean): void {
    if (newModel) this.stepMs = null;
    if (!this.watch.watching && this.answeredOnce) this.ping((this.ackSeq = ++this.seq));
    this.requestSeq = this.seq;
    this.watch.start();
  }

  /** Any message from the worker. */
  heard(): void {
    this.watch.heard();
  }

  /**
   * Records came with the time of their last step: the worker has stepped, so the first-step
   * allowance no longer applies (without this, a worker killed before its next pong would be given
   * the first step's two minutes).
   */
  stepped(stepMs: number): void {
    this.stepMs = stepMs;
  }

  /**
   * The worker is about to replay the steps before a flag with full checks, whose kernels a GPU backend compiles
   * first: until its next records, it gets a first step's allowance.
   */
  replaying(): void {
    this.stepMs = null;
  }

  answered(pong: Pong): void {
    this.watch.heard();
    this.answeredOnce = true;
    if (pong.seq === this.ackSeq) this.ackSeq = null;
    if (pong.seq <= this.requestSeq) return;
    this.stepMs = pong.stepMs;
    // Idle after every request sent: nothing is owed, so silence is no longer a sign of anything.
    if (!pong.busy) this.watch.stop();
  }

  stop(): void {
    this.watch.stop();
  }
}
