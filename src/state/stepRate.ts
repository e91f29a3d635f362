/** Steps per second over the last second of frames (the top bar's rate). */
const WINDOW_MS = 1000;
/** Below this much history the rate would jump around; the last value is kept instead. */
const MIN_SPAN_MS = 200;

export class StepRate {
  private samples: { t: number; step: number }[] = [];
  private rate = 0;

  /** Note that `step` was reached at `now`; returns the current rate. */
  note(now: number, step: number): number {
    this.samples.push({ t: now, step });
    while (this.samples.length > 2 && now - this.samples[0]!.t > WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    if (now - first.t > MIN_SPAN_MS) this.rate = ((step - first.step) * 1000) / (now - first.t);
    return this.rate;
  }

  get perSecond(): number {
    return this.rate;
  }

  clear(): void {
    this.samples = [];
    this.rate = 0;
  }
}
