/**
 * "Compare": a second worker re-runs the scenario with a suggested fix while the main run stays as
 * it is, so both loss curves can be overlaid. It has its own worker so the main run's model and
 * backend are untouched.
 */
import { MinMaxSeries } from '../state/series';
import type { Scenario } from '../engine/scenario';
import type { AppStore } from '../state/appState';
import { isFromWorker, type ToWorker } from '../worker/protocol';
import { afterNextFrame } from './afterFrame';

const COMPARE_STEPS_PER_TICK = 25;

export class CompareRunner {
  readonly series = new MinMaxSeries(600);
  losses: number[] = [];
  private worker: Worker | null = null;
  private runId = 1000;
  private frameRequested = false;

  constructor(private readonly store: AppStore, private readonly makeWorker: () => Worker) {}

  start(scenario: Scenario, label: string, steps: number): void {
    this.stop();
    this.series.clear();
    this.losses = [];
    const id = ++this.runId;
    const worker = this.makeWorker();
    this.worker = worker;
    this.store.setState({ compare: { label, scenario, status: 'running', version: 0, message: null } });
    worker.onerror = (e) => {
      e.preventDefault();
      this.finish('error', e.message || 'the compare worker failed');
    };
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const m = event.data;
      if (!isFromWorker(m) || m.runId !== id) return;
      if (m.type === 'records') {
        for (const r of m.records) {
          this.series.push(r.step, r.loss);
          this.losses.push(r.loss);
        }
        this.requestFrame();
      } else if (m.type === 'running' && !m.running) {
        this.finish(m.why === 'error' ? 'error' : 'done', m.why === 'flagged' ? 'the fixed run was flagged too' : null);
      } else if (m.type === 'error') {
        this.finish('error', m.message);
      }
    };
    const send = (msg: ToWorker): void => worker.postMessage(msg);
    // Compare runs to the end: pausing on a flag would hide whether the fix holds later on.
    send({ type: 'configure', runId: id, scenario: { ...scenario, continueOnFlag: true }, keep: false });
    send({ type: 'setSpeed', stepsPerTick: COMPARE_STEPS_PER_TICK });
    send({ type: 'play', stopAt: steps });
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    afterNextFrame(() => {
      this.frameRequested = false;
      this.bump();
    });
  }

  private bump(patch: { status?: 'running' | 'done' | 'error'; message?: string | null } = {}): void {
    this.store.setState((s) => (s.compare ? { compare: { ...s.compare, ...patch, version: s.compare.version + 1 } } : {}));
  }

  private finish(status: 'done' | 'error', message: string | null): void {
    this.bump({ status, message });
    this.worker?.terminate();
    this.worker = null;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  clear(): void {
    this.stop();
    this.series.clear();
    this.losses = [];
    this.store.setState({ compare: null });
  }
}
