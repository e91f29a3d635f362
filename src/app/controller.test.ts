import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepRecord } from '../engine/records';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { createAppStore, initialAppState } from '../state/appState';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { PlaygroundController } from './controller';

/** A worker that records what it is sent; the test plays its side of the protocol. */
class FakeWorker {
  sent: ToWorker[] = [];
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: ToWorker): void {
    this.sent.push(m);
  }
  terminate(): void {}
  emit(m: FromWorker): void {
    this.onmessage?.({ data: m } as MessageEvent<unknown>);
  }
}

function record(step: number): StepRecord {
  return {
    step, loss: 1 / step, gradNorm: 1, gradNorms: {}, weightNorms: {}, updateRatios: {}, activationMax: {},
    nonFinite: false, skipped: false, warnings: [],
  };
}

describe('PlaygroundController', () => {
  /** Frame callbacks the controller scheduled; the test runs them when it wants a frame to pass. */
  let frames: (() => void)[];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('document', { title: '' });
  });
  afterEach(() => vi.unstubAllGlobals());

  function setup() {
    const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false));
    const worker = new FakeWorker();
    const controller = new PlaygroundController(store, () => worker as unknown as Worker, () => new FakeWorker() as unknown as Worker, (cb) => frames.push(cb));
    controller.start(false);
    const configure = worker.sent.find((m) => m.type === 'configure');
    if (configure?.type !== 'configure') throw new Error('no configure message');
    return { store, worker, controller, runId: configure.runId };
  }

  it('applies records once per animation frame while running', () => {
    const { store, worker, runId } = setup();
    worker.emit({ type: 'running', runId, running: true, step: 0, why: null });
    worker.emit({ type: 'records', runId, records: [record(1), record(2)] });
    expect(store.getState().step).toBe(0);
    frames.splice(0).forEach((f) => f());
    expect(store.getState().step).toBe(2);
  });

  it('a stop shows the step it stopped at in the same update, with no frame in between', () => {
    const { store, worker, controller, runId } = setup();
    worker.emit({ type: 'running', runId, running: true, step: 0, why: null });
    worker.emit({ type: 'records', runId, records: [record(1), record(2), record(3)] });
    worker.emit({ type: 'running', runId, running: false, step: 3, why: 'paused' });
    const s = store.getState();
    expect(s.running).toBe(false);
    expect(s.step).toBe(3);
    expect(controller.history.length).toBe(3);
  });

  it("lays out the per-parameter series when the model is built, before any record, and keeps the worker's order", () => {
    const { store, worker, controller, runId } = setup();
    const before = store.getState().normVersion;
    worker.emit({ type: 'model', runId, parameters: ['dense/kernel', 'dense/bias'] });
    expect([...controller.series.gradNorms.keys()]).toEqual(['dense/kernel', 'dense/bias']);
    expect([...controller.series.weightNorms.keys()]).toEqual(['dense/kernel', 'dense/bias']);
    expect(controller.series.gradNorms.get('dense/kernel')!.points()).toEqual([]);
    const after = store.getState().normVersion;
    expect(after).toEqual([before[0] + 1, before[1] + 1]);
    // The same parameters again (a live change keeps the model) redraw nothing.
    worker.emit({ type: 'model', runId, parameters: ['dense/kernel', 'dense/bias'] });
    expect(store.getState().normVersion).toBe(after);
    // A message of a run the page has left is ignored.
    worker.emit({ type: 'model', runId: runId + 1, parameters: ['other/kernel'] });
    expect(controller.series.gradNorms.has('other/kernel')).toBe(false);
  });
});
