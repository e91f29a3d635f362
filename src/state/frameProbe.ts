/**
 * Measures main-thread time per animation frame that applied new records: from the start of the
 * frame's flush to the layout effect of the last component that re-rendered for it. The e2e test
 * reads these numbers to check that a frame costs the same at step 1,000 and at step 20,000.
 */
const KEPT = 600;

export interface FrameSummary {
  frames: number;
  mean: number;
  median: number;
  p90: number;
  max: number;
}

export class FrameProbe {
  private start = 0;
  private open = false;
  readonly durations: number[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  begin(): void {
    this.start = this.now();
    this.open = true;
  }

  /** Called after React committed the frame (or right after the flush when nothing re-rendered). */
  end(): number | null {
    if (!this.open) return null;
    this.open = false;
    const took = this.now() - this.start;
    this.durations.push(took);
    if (this.durations.length > KEPT) this.durations.splice(0, this.durations.length - KEPT);
    return took;
  }

  /** Mean, median, 90th percentile and maximum of the last `n` frames. */
  summary(n = 120): FrameSummary {
    const recent = this.durations.slice(-n);
    if (recent.length === 0) return { frames: 0, mean: 0, median: 0, p90: 0, max: 0 };
    const sorted = [...recent].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
    return { frames: recent.length, mean: recent.reduce((a, b) => a + b, 0) / recent.length, median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1]! };
  }

  reset(): void {
    this.durations.length = 0;
  }
}
