/**
 * When a live run's views redraw. The step counter follows the records at most every
 * COUNTER_MIN_MS; a chart redraw costs far more than a counter, so the loss chart redraws at most every
 * CHART_MIN_MS and never takes more than about 1/CHART_SHARE of the main thread: the interval
 * adapts to what the last chart frame cost. The two norm charts follow the loss chart
 * CHART_GAP_FRAMES frames apart, so no frame pays for more than one chart.
 */
export const CHART_MIN_MS = 120;
/**
 * Why not every frame: a counter changing 60 times a second reads as a blur, and each change costs the
 * page a layout, a paint and a commit. On two cores those compete with the training worker: the
 * default scenario trained about 12 % faster in the app with the counter at 15 Hz (bench/ui.ts).
 */
export const COUNTER_MIN_MS = 66;
const CHART_MAX_MS = 1000;
const CHART_SHARE = 5;
/**
 * Why frames apart and not in consecutive frames: each redraw's commit waits for the previous
 * frame's raster, which on a software-rendered 2-core machine with training on one core was still
 * running a frame later (commits of 30–40 ms).
 */
export const CHART_GAP_FRAMES = 3;
/** One frame at 60 Hz: what a wait of some frames lasts (LiveRun's options.wait). */
export const FRAME_MS = 1000 / 60;

export class ChartPacing {
  private last = Number.NEGATIVE_INFINITY;
  private interval: number;

  /** `minMs`: the shortest interval (CHART_MIN_MS for a chart, COUNTER_MIN_MS for the step counter). */
  constructor(private readonly minMs = CHART_MIN_MS) {
    this.interval = minMs;
  }

  /** True when a chart redraw is due at `now`; the redraw counts as done from then on. */
  take(now: number): boolean {
    if (now - this.last < this.interval) return false;
    this.last = now;
    return true;
  }

  /** Milliseconds until take() would say yes (0: it would now). */
  dueIn(now: number): number {
    return Math.max(0, this.last + this.interval - now);
  }

  /** The next frame redraws the charts whatever the interval (a stop, a new run). */
  force(): void {
    this.last = Number.NEGATIVE_INFINITY;
  }

  /** A chart frame's render took `ms`: keep charts to their share of the main thread. */
  chartFrameTook(ms: number): void {
    this.interval = Math.min(CHART_MAX_MS, Math.max(this.minMs, ms * CHART_SHARE));
  }

  get intervalMs(): number {
    return this.interval;
  }
}
