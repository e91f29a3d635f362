/**
 * Is a worker still there? A terminated worker (closed by the browser, out of memory) sends no
 * event at all, so the page watches for silence while it expects the worker to speak: each check
 * adds the time since the one before, any message from the worker sets the count back to zero,
 * and past the allowed silence the worker is declared stopped. Only the page's awake time counts:
 * a check that comes more than MAX_GAP_CHECKS intervals late means the page itself was frozen or
 * asleep (a background tab, a closed laptop) and could not have heard anything, so that gap counts
 * as MAX_GAP_CHECKS intervals only.
 */

export interface LivenessClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Call `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const browserClock: LivenessClock = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

const MAX_GAP_CHECKS = 3;

export interface SilenceWatchOptions {
  /** How often to check (and, for a worker that answers pings, to ping). */
  everyMs: number;
  /** The longest silence allowed now. */
  allowedMs(): number;
  /** Each check that finds the worker within its allowance (the training link pings here). */
  onCheck?(): void;
  /** The worker has been silent past its allowance; the watch has stopped. */
  onSilent(silentMs: number): void;
}

export class SilenceWatch {
  private cancel: (() => void) | null = null;
  private silentMs = 0;
  private lastMark = 0;

  constructor(
    private readonly clock: LivenessClock,
    private readonly options: SilenceWatchOptions,
  ) {}

  get watching(): boolean {
    return this.cancel !== null;
  }

  /** Expect the worker to speak from now on (no-op while already watching). */
  start(): void {
    if (this.cancel) return;
    this.silentMs = 0;
    this.lastMark = this.clock.now();
    this.cancel = this.clock.every(this.options.everyMs, () => this.check());
  }

  /** The worker said something. */
  heard(): void {
    this.silentMs = 0;
    this.lastMark = this.clock.now();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private check(): void {
    const now = this.clock.now();
    this.silentMs += Math.min(now - this.lastMark, MAX_GAP_CHECKS * this.options.everyMs);
    this.lastMark = now;
    if (this.silentMs > this.options.allowedMs()) {
      this.stop();
      this.options.onSilent(this.silentMs);
      return;
    }
    this.options.onCheck?.();
  }
}
