/**
 * One live run's data, outside React and outside the app store: the full history, the bounded chart series and the
 * step counter, fed with worker records. Records are applied when a view is due (a timer waits for that, then an
 * injected scheduler runs the redraw), and each view (step counter, loss chart, gradient-norm chart, weight-norm
 * chart) has its own subscription and version, notified on the schedule chartPacing.ts decides (the counter at most
 * every COUNTER_MIN_MS, the charts at their adaptive interval). The store keeps the slow screen state; this keeps the
 * fast run data. A run is a feed: the main run, a compare run or any other live run is one more LiveRun.
 */
import type { SentinelWarning, StepRecord } from '../engine/records';
import { CHART_GAP_FRAMES, COUNTER_MIN_MS, ChartPacing, FRAME_MS } from './chartPacing';
import { FrameProbe } from './frameProbe';
import { RunHistory } from './lossHistory';
import { LossTrace } from './lossTrace';
import { RunSeries } from './runSeries';
import { StepRate } from './stepRate';

/** Runs a callback once, soon, in a task of its own (app/afterFrame.ts in the page: after the next frame, or at once). */
export type FrameScheduler = (callback: () => void) => void;

export const LIVE_VIEWS = ['step', 'loss', 'gradNorms', 'weightNorms'] as const;
export type LiveView = (typeof LIVE_VIEWS)[number];

export interface LiveRunOptions {
  schedule: FrameScheduler;
  now: () => number;
  /**
   * Runs a callback after `ms` (a timer in the page). With it, a view that owes a redraw waits for its due time and
   * then schedules one redraw; without it (the tests' manual frames) it asks for every frame until it is due.
   */
  wait?: (ms: number, callback: () => void) => void;
  /** Warnings the applied records carried (they go to the slow store, not to a chart). */
  onWarnings?: (warnings: SentinelWarning[]) => void;
}

type Listener = () => void;

export class LiveRun {
  readonly history = new RunHistory();
  readonly series = new RunSeries(0);
  /** Every step's loss with its step: what a hover reads and a zoom draws. */
  readonly trace = new LossTrace();
  /** The held-out loss of the steps that measured one (the validation curve). */
  readonly heldOut = new LossTrace();
  readonly probe: FrameProbe;
  private readonly pacing = new ChartPacing();
  private readonly counterPacing = new ChartPacing(COUNTER_MIN_MS);
  private readonly rate = new StepRate();
  private readonly versions: Record<LiveView, number> = { step: 0, loss: 0, gradNorms: 0, weightNorms: 0 };
  private readonly listeners: Record<LiveView, Set<Listener>> = { step: new Set(), loss: new Set(), gradNorms: new Set(), weightNorms: new Set() };
  private pending: StepRecord[] = [];
  private frameRequested = false;
  /** A wait for the next due view is running (options.wait): no frame is asked for before it ends. */
  private waiting = false;
  /** Records were applied that no chart has drawn yet. */
  private chartOwed = false;
  /** Records were applied that the step counter does not show yet. */
  private counterOwed = false;
  private chartFrameOpen = false;
  private currentStep = 0;
  private runs = 0;

  constructor(private readonly options: LiveRunOptions) {
    this.probe = new FrameProbe(options.now);
  }

  /** The last step applied (what the step counter shows). */
  get step(): number {
    return this.currentStep;
  }

  get stepsPerSecond(): number {
    return this.rate.perSecond;
  }

  /** Counts the clears: a view state tied to one run (a zoom) lapses when this changes. */
  get generation(): number {
    return this.runs;
  }

  /** Queue records from the worker; they are applied all at once, when the counter or a chart is next due. */
  push(records: readonly StepRecord[]): void {
    for (const r of records) this.pending.push(r);
    this.requestFrameWhenDue();
  }

  /** Apply what is queued now and redraw every chart (a stop shows the step it stopped at). */
  flush(): void {
    this.pacing.force();
    this.counterPacing.force();
    this.applyFrame();
  }

  /** Lay out the per-parameter series before the first record (the norm charts draw their legends). */
  declare(parameters: readonly string[]): void {
    if (!this.series.declare(parameters)) return;
    this.notify('gradNorms');
    this.notify('weightNorms');
  }

  /** Re-smooth the loss curve from the full history. */
  setSmoothing(smoothing: number): void {
    this.series.setSmoothing(smoothing, this.trace.losses());
    this.notify('loss');
  }

  /** Forget the run (a new model from step 0): every view redraws empty. */
  clear(): void {
    this.history.clear();
    this.series.clear();
    this.trace.clear();
    this.heldOut.clear();
    this.runs += 1;
    this.pending = [];
    this.chartOwed = false;
    this.counterOwed = false;
    this.currentStep = 0;
    this.rate.clear();
    this.pacing.force();
    this.counterPacing.force();
    for (const view of LIVE_VIEWS) this.notify(view);
  }

  subscribe(view: LiveView, listener: Listener): () => void {
    const set = this.listeners[view];
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Changes whenever `view` should redraw. */
  version(view: LiveView): number {
    return this.versions[view];
  }

  /** The frame's render committed (the page's last component calls this from a layout effect). */
  rendered(): void {
    const took = this.probe.end();
    if (took !== null && this.chartFrameOpen) this.pacing.chartFrameTook(took);
    this.chartFrameOpen = false;
  }

  /**
   * Why wait rather than ask for the next frame: records arrive every few milliseconds, while the counter and the
   * charts redraw at most every COUNTER_MIN_MS and CHART_MIN_MS. A frame asked for in between changes nothing on
   * screen and still costs the page a frame's lifecycle and commit (on two cores, time taken from the training
   * worker): frames at 57 Hz where 20 a second draw something.
   */
  private requestFrameWhenDue(): void {
    if (this.frameRequested || this.waiting) return;
    const now = this.options.now();
    const owes = this.pending.length > 0;
    const counterIn = owes || this.counterOwed ? this.counterPacing.dueIn(now) : Number.POSITIVE_INFINITY;
    const chartIn = owes || this.chartOwed ? this.pacing.dueIn(now) : Number.POSITIVE_INFINITY;
    const inMs = Math.min(counterIn, chartIn);
    const wait = this.options.wait;
    if (!wait || inMs <= 0) return this.requestFrame();
    if (!Number.isFinite(inMs)) return;
    this.waiting = true;
    wait(inMs, () => {
      this.waiting = false;
      this.requestFrame();
    });
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.options.schedule(() => {
      this.frameRequested = false;
      this.applyFrame();
    });
  }

  private applyFrame(): void {
    const batch = this.pending;
    this.pending = [];
    const now = this.options.now();
    const chartDue = (this.chartOwed || batch.length > 0) && this.pacing.take(now);
    const counterDue = (this.counterOwed || batch.length > 0) && this.counterPacing.take(now);
    if (batch.length > 0) this.apply(batch);
    // Records that arrived while a view was throttled still need a redraw later.
    this.chartOwed = !chartDue && (this.chartOwed || batch.length > 0);
    this.counterOwed = !counterDue && (this.counterOwed || batch.length > 0);
    if (this.chartOwed || this.counterOwed) this.requestFrameWhenDue();
    if (!chartDue && !counterDue) return;
    this.probe.begin();
    if (counterDue) this.notify('step');
    if (chartDue) {
      this.chartFrameOpen = true;
      this.notify('loss');
      this.inFrames(CHART_GAP_FRAMES, () => this.redrawNorms());
    }
  }

  private apply(batch: readonly StepRecord[]): void {
    const warnings: SentinelWarning[] = [];
    for (const r of batch) {
      this.history.push(r);
      this.series.push(r);
      this.trace.push(r.step, r.loss);
      if (r.heldOutLoss !== undefined) this.heldOut.push(r.step, r.heldOutLoss);
      if (r.warnings.length > 0) warnings.push(...r.warnings);
    }
    this.currentStep = batch[batch.length - 1]!.step;
    this.rate.note(this.options.now(), this.currentStep);
    if (warnings.length > 0) this.options.onWarnings?.(warnings);
  }

  private redrawNorms(): void {
    this.probe.begin();
    this.notify('gradNorms');
    this.inFrames(CHART_GAP_FRAMES, () => {
      this.probe.begin();
      this.notify('weightNorms');
    });
  }

  /** `callback` `frames` frames from now: after that many frames, or with a timer, a wait of their length. */
  private inFrames(frames: number, callback: () => void): void {
    const wait = this.options.wait;
    if (wait && frames > 1) return wait(frames * FRAME_MS, () => this.options.schedule(callback));
    this.options.schedule(frames <= 1 ? callback : () => this.inFrames(frames - 1, callback));
  }

  private notify(view: LiveView): void {
    this.versions[view] += 1;
    for (const listener of [...this.listeners[view]]) listener();
  }
}
