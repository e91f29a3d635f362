/**
 * The composition of one playground session: it owns the training worker, turns its messages into
 * store updates once per animation frame, keeps the run's history and chart series, and applies
 * user actions (play, step, edits, presets, fixes) to the worker and the address bar.
 */
import { RunSeries } from '../state/runSeries';
import type { SentinelWarning, StepRecord } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import { FIELD_BY_KEY } from '../scenarios/schema';
import type { AppStore } from '../state/appState';
import { scenarioTitle } from '../state/codecAdapter';
import { RunHistory } from '../state/lossHistory';
import { changedFields, readLocation, structuralChanges, writeLocation } from '../state/urlSync';
import { isFromWorker, type FromWorker, type ToWorker } from '../worker/protocol';
import { afterNextFrame, type FrameScheduler } from './afterFrame';
import { CompareRunner } from './compareRunner';
import { FrameProbe } from '../state/frameProbe';
import { OutcomeRunner } from './outcomeRunner';

/**
 * Charts redraw at most every CHART_MIN_MS, and never more than about a fifth of the main thread:
 * the interval adapts to what the last redraw cost. The step counter still moves every frame.
 */
const CHART_MIN_MS = 120;
const CHART_MAX_MS = 1000;
const CHART_SHARE = 5;
const NOTICE_MS = 8000;
/**
 * The loss chart and the two norm charts redraw this many frames apart, not in consecutive frames:
 * each redraw's commit waits for the previous frame's raster, which on a software-rendered 2-core
 * machine with training on one core was still running a frame later (commits of 30–40 ms).
 */
const CHART_GAP_FRAMES = 3;

export class PlaygroundController {
  readonly history = new RunHistory();
  readonly series = new RunSeries(0);
  readonly probe = new FrameProbe();
  readonly compare: CompareRunner;
  readonly outcomes: OutcomeRunner;
  private worker: Worker | null = null;
  private runId = 0;
  private pending: StepRecord[] = [];
  private frameRequested = false;
  private rate: { t: number; step: number }[] = [];
  private lastChart = 0;
  private chartInterval = CHART_MIN_MS;
  private chartFrameOpen = false;
  private memoryWaiters = new Map<number, (numTensors: number) => void>();
  private memoryRequests = 0;

  constructor(
    readonly store: AppStore,
    private readonly makeWorker: () => Worker,
    makeOutcomeWorker: () => Worker,
    private readonly nextFrame: FrameScheduler = afterNextFrame,
  ) {
    this.compare = new CompareRunner(store, makeWorker);
    this.outcomes = new OutcomeRunner(store, makeOutcomeWorker);
  }

  start(autoplay: boolean): void {
    this.spawn();
    this.configure(false);
    this.send({ type: 'setSpeed', stepsPerTick: this.store.getState().speed });
    this.updateTitle();
    if (autoplay) this.play();
    this.outcomes.show(this.store.getState().preset);
  }

  private updateTitle(): void {
    const s = this.store.getState();
    document.title = scenarioTitle(s.scenario, s.preset ?? undefined);
  }

  private urlContext() {
    const s = this.store.getState();
    return { embed: s.embed, preset: s.preset };
  }

  dispose(): void {
    this.worker?.terminate();
    this.compare.stop();
    this.outcomes.stop();
  }

  // ---- worker plumbing ----

  private spawn(): void {
    this.worker?.terminate();
    const worker = this.makeWorker();
    worker.onmessage = (e: MessageEvent<unknown>) => this.onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.store.setState({ error: `The training worker stopped: ${e.message || 'unknown error'}`, running: false });
    };
    this.worker = worker;
  }

  private send(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  /** Forget the run's data on this side (history, series, status), keeping the worker as it is. */
  private clearRun(): void {
    this.history.clear();
    this.series.clear();
    this.pending = [];
    this.rate = [];
    this.store.setState((s) => ({
      step: 0, report: null, warnings: [], stopReason: null, preview: null, stepsPerSecond: 0,
      dataVersion: s.dataVersion + 1, chartVersion: s.chartVersion + 1, normVersion: [s.normVersion[0] + 1, s.normVersion[1] + 1],
    }));
  }

  private configure(keep: boolean): void {
    if (!keep) {
      this.runId += 1;
      this.clearRun();
      this.store.setState({ running: false });
    }
    this.send({ type: 'configure', runId: this.runId, scenario: this.store.getState().scenario, keep });
  }

  private onMessage(data: unknown): void {
    if (!isFromWorker(data)) return;
    if (data.type === 'memory') {
      this.memoryWaiters.get(data.requestId)?.(data.numTensors);
      this.memoryWaiters.delete(data.requestId);
      return;
    }
    if (data.runId !== this.runId) return;
    const m: FromWorker = data;
    switch (m.type) {
      case 'records':
        for (const r of m.records) this.pending.push(r);
        this.requestFrame();
        return;
      case 'report':
        this.store.setState({ report: m.report });
        return;
      case 'backend':
        this.store.setState({ backend: m.status, unsupported: m.unsupported });
        return;
      case 'model':
        if (this.series.declare(m.parameters)) this.store.setState((s) => ({ normVersion: [s.normVersion[0] + 1, s.normVersion[1] + 1] }));
        return;
      case 'preview':
        this.store.setState({ preview: m.preview });
        return;
      case 'running':
        // The records of the last tick came before this message: apply them in the same update, so
        // whoever sees "stopped" also sees the step it stopped at (not one frame later).
        if (!m.running) {
          this.lastChart = 0;
          this.flushFrame();
        }
        this.store.setState({ running: m.running, stopReason: m.why });
        return;
      case 'error':
        this.store.setState({ error: m.message, running: false });
        return;
      case 'notice':
        this.notify(m.message);
        return;
      case 'restarted':
        this.clearRun();
        return;
    }
  }

  private requestFrame(forceChart = false): void {
    if (forceChart) this.lastChart = 0;
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.nextFrame(() => this.flushFrame());
  }

  /** Apply everything that arrived since the last frame in one store update. */
  private flushFrame(): void {
    this.frameRequested = false;
    const batch = this.pending;
    this.pending = [];
    const now = performance.now();
    const chartDue = now - this.lastChart >= this.chartInterval;
    if (batch.length === 0 && !chartDue) return;
    this.probe.begin();
    const warnings: SentinelWarning[] = [];
    for (const r of batch) {
      this.history.push(r);
      this.series.push(r);
      if (r.warnings.length > 0) warnings.push(...r.warnings);
    }
    const step = batch.length > 0 ? batch[batch.length - 1]!.step : this.store.getState().step;
    this.rate.push({ t: now, step });
    while (this.rate.length > 2 && now - this.rate[0]!.t > 1000) this.rate.shift();
    const first = this.rate[0]!;
    const stepsPerSecond = now - first.t > 200 ? ((step - first.step) * 1000) / (now - first.t) : this.store.getState().stepsPerSecond;
    if (chartDue) this.lastChart = now;
    this.chartFrameOpen = chartDue;
    this.store.setState((s) => ({
      step,
      stepsPerSecond,
      dataVersion: s.dataVersion + 1,
      chartVersion: chartDue ? s.chartVersion + 1 : s.chartVersion,
      warnings: warnings.length > 0 ? [...s.warnings, ...warnings].slice(-20) : s.warnings,
    }));
    // Records that arrived while the chart was throttled still need a redraw later.
    if (!chartDue) this.requestFrame();
    else this.inFrames(CHART_GAP_FRAMES, () => this.bumpNorms());
  }

  private bumpNorms(): void {
    this.probe.begin();
    this.store.setState((s) => ({ normVersion: [s.normVersion[0] + 1, s.normVersion[1]] }));
    this.inFrames(CHART_GAP_FRAMES, () => {
      this.probe.begin();
      this.store.setState((s) => ({ normVersion: [s.normVersion[0], s.normVersion[1] + 1] }));
    });
  }

  private inFrames(frames: number, callback: () => void): void {
    this.nextFrame(frames <= 1 ? callback : () => this.inFrames(frames - 1, callback));
  }

  /** The frame's render committed (called from the last component's layout effect). */
  frameRendered(): void {
    const took = this.probe.end();
    if (took !== null && this.chartFrameOpen) {
      this.chartInterval = Math.min(CHART_MAX_MS, Math.max(CHART_MIN_MS, took * CHART_SHARE));
    }
    this.chartFrameOpen = false;
  }

  // ---- actions ----

  play(): void {
    if (this.store.getState().error) return;
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  toggle(): void {
    if (this.store.getState().running) this.pause();
    else this.play();
  }

  stepOnce(): void {
    this.send({ type: 'step', count: 1 });
  }

  /** A fresh model for the same scenario; after a worker error, a fresh worker too. */
  reset(): void {
    if (this.store.getState().error) {
      this.store.setState({ error: null, backend: null });
      this.spawn();
      this.send({ type: 'setSpeed', stepsPerTick: this.store.getState().speed });
    }
    this.configure(false);
  }

  setSpeed(speed: number): void {
    this.store.setState({ speed });
    this.send({ type: 'setSpeed', stepsPerTick: speed });
  }

  setSmoothing(smoothing: number): void {
    this.series.setSmoothing(smoothing, this.history.lossArray());
    this.store.setState((s) => ({ smoothing, chartVersion: s.chartVersion + 1 }));
  }

  notify(message: string): void {
    this.store.setState((s) => ({ notices: [...s.notices.filter((n) => n !== message), message] }));
    setTimeout(() => this.store.setState((s) => ({ notices: s.notices.filter((n) => n !== message) })), NOTICE_MS);
  }

  /**
   * Change the scenario. Structural changes rebuild the model (and push a history entry so Back
   * returns to the old model); live changes carry the weights over and replace the entry.
   */
  setScenario(next: Scenario, options: { push?: boolean; fromHistory?: boolean; preset?: string | null } = {}): void {
    const prev = this.store.getState().scenario;
    const presetChanged = options.preset !== undefined && options.preset !== this.store.getState().preset;
    if (options.preset !== undefined) this.store.setState({ preset: options.preset });
    if (presetChanged) this.outcomes.show(options.preset ?? null);
    const changed = changedFields(prev, next);
    if (changed.length === 0 && !presetChanged) return;
    const structural = structuralChanges(prev, next);
    this.store.setState({ scenario: next });
    this.updateTitle();
    if (!options.fromHistory) {
      const mode = options.push || presetChanged || structural.length > 0 ? 'push' : 'replace';
      writeLocation(window.history, window.location.pathname, next, this.urlContext(), mode);
    }
    if (changed.length === 0) return;
    if (structural.length > 0) {
      const names = structural.map((k) => FIELD_BY_KEY.get(k)?.label ?? k).join(', ');
      this.notify(`Model reset: ${names} changed, so training starts again from step 0.`);
      this.compare.clear();
      this.configure(false);
    } else {
      this.configure(true);
    }
  }

  /** Back/Forward: the address bar already changed; follow it without writing it again. */
  followLocation(): void {
    const decoded = readLocation(window.location.search);
    this.store.setState({ rejected: decoded.rejected });
    this.setScenario(decoded.scenario, { fromHistory: true, preset: decoded.preset });
  }

  /** How many tensors the training worker holds, once it has handled every earlier message. */
  tensorCount(): Promise<number> {
    const requestId = ++this.memoryRequests;
    return new Promise((resolve) => {
      this.memoryWaiters.set(requestId, resolve);
      this.send({ type: 'memory', requestId });
    });
  }

  /** Run the scenario with a fix in a second worker and overlay its loss curve. */
  compareWith(fixed: Scenario, label: string): void {
    const s = this.store.getState();
    const steps = Math.min(5000, Math.max(s.scenario.steps, s.step, 50));
    this.compare.start(fixed, label, steps);
  }
}
