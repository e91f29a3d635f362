/** A clock for liveness tests: time moves only when the test says, firing each interval as it comes due. */
import type { LivenessClock } from './liveness';

export class FakeClock implements LivenessClock {
  private time = 0;
  private readonly timers = new Set<{ ms: number; due: number; tick: () => void }>();

  now(): number {
    return this.time;
  }

  every(ms: number, tick: () => void): () => void {
    const timer = { ms, due: this.time + ms, tick };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Intervals running now. */
  get running(): number {
    return this.timers.size;
  }

  /** Move time on by `ms`, firing every interval on time, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due)[0];
      if (!next || next.due > end) break;
      this.time = next.due;
      next.due += next.ms;
      next.tick();
    }
    this.time = end;
  }

  /** Jump `ms` ahead with no interval firing on the way, as a frozen tab or a sleeping machine does. */
  sleep(ms: number): void {
    this.time += ms;
    for (const t of this.timers) t.due = Math.max(t.due, this.time);
  }
}
