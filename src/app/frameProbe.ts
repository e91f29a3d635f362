/**
 * Measures main-thread time per animation frame that applied new records: from the start of the
 * frame's flush to the layout effect of the last component that re-rendered for it. The e2e test
 * reads these numbers to check that a frame costs the same at step 1,000 and at step 20,000.
 */
const KEPT = 600;

export class FrameProbe {
  private start = 0;
  private open = false;
  readonly durations: number[] = [];

  begin(): void {
    this.start = performance.now();
    this.open = true;
  }

  /** Called after React committed the frame (or right after the flush when nothing re-rendered). */
  end(): void {
    if (!this.open) return;
    this.open = false;
    this.durations.push(performance.now() - this.start);
    if (this.durations.length > KEPT) this.durations.splice(0, this.durations.length - KEPT);
  }

  /** Mean and 90th percentile of the last `n` frames. */
  summary(n = 120): { frames: number; mean: number; p90: number } {
    const recent = this.durations.slice(-n);
    if (recent.length === 0) return { frames: 0, mean: 0, p90: 0 };
    const sorted = [...recent].sort((a, b) => a - b);
    return {
      frames: recent.length,
      mean: recent.reduce((a, b) => a + b, 0) / recent.length,
      p90: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!,
    };
  }

  reset(): void {
    this.durations.length = 0;
  }
}
