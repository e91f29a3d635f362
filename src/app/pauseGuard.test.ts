import { budgetBytes } from '../state/budgetSetting';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Checkpoint } from '../engine/checkpoint';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { stepRecord } from '../engine/testing/stepRecord';
import { createAppStore, initialAppState } from '../state/appState';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { PlaygroundController } from './controller';
import { PAUSE_GRACE_MS } from './pauseGuard';
import { FakeWorker } from './testing/fakeWorker';

const checkpointAt = (step: number): Checkpoint => ({ step, tensors: [{ shape: [1], values: Float32Array.of(step) }], report: null, paused: false });

/** The main run on fake workers: the test speaks for each worker and fires the page's timers by hand. */
function page() {
  const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false));
  const workers: FakeWorker<ToWorker>[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const controller = new PlaygroundController(store, {
    makeWorker: () => {
      const w = new FakeWorker<ToWorker>();
      workers.push(w);
      return w as unknown as Worker;
    },
    makeOutcomeWorker: () => new FakeWorker<unknown>() as unknown as Worker,
    schedule: () => undefined,
    now: () => 0,
    history: { pushState: () => undefined, replaceState: () => undefined },
    location: { pathname: '/', search: '' },
    setTimer: (callback, ms) => timers.push({ callback, ms }),
  });
  controller.start(false);
  const worker = workers[0]!;
  const runId = (worker.sent.find((m) => m.type === 'configure') as Extract<ToWorker, { type: 'configure' }>).runId;
  const emit = (w: FakeWorker<ToWorker>, m: FromWorker): void => w.deliver(m);
  /** Run 1 is playing and has taken `steps` steps, with a checkpoint at `checkpoint`. */
  const training = (steps: number, checkpoint: number | null): void => {
    controller.play();
    emit(worker, { type: 'running', runId, running: true, step: 0, why: null });
    emit(worker, { type: 'records', runId, records: Array.from({ length: steps }, (_, i) => stepRecord(i + 1)), stepMs: 5000 });
    if (checkpoint !== null) emit(worker, { type: 'checkpoint', runId, checkpoint: checkpointAt(checkpoint) });
  };
  const graceTimers = () => timers.filter((t) => t.ms === PAUSE_GRACE_MS);
  /** Pause, and the grace runs out with no word from the worker; returns what the new worker was asked. */
  const stuckPause = (): Extract<ToWorker, { type: 'configure' }> | undefined => {
    controller.pause();
    graceTimers().at(-1)!.callback();
    return workers.at(-1)!.sent.find((m): m is Extract<ToWorker, { type: 'configure' }> => m.type === 'configure');
  };
  return { store, controller, workers, worker, runId, emit, training, graceTimers, stuckPause };
}

afterEach(() => vi.useRealTimers());

describe('Pause on the page', () => {
  it("asks the worker and gives it the grace to answer with its tick's records first; after it, shows the run paused at the last step it finished", () => {
    const p = page();
    p.training(3, 3);
    p.controller.pause();
    expect(p.worker.sent.at(-1)).toEqual({ type: 'pause' });
    expect(p.store.getState().running).toBe(true);
    expect(p.graceTimers()).toHaveLength(1);
    p.graceTimers()[0]!.callback();
    expect([p.store.getState().running, p.store.getState().stopReason]).toEqual([false, 'paused']);
    expect([p.controller.run.step, p.controller.run.history.length]).toEqual([3, 3]);
  });

  it('a worker that stops within the grace is left alone', () => {
    const p = page();
    p.training(3, 3);
    p.controller.pause();
    p.emit(p.worker, { type: 'records', runId: p.runId, records: [stepRecord(4)] });
    p.emit(p.worker, { type: 'running', runId: p.runId, running: false, step: 4, why: 'paused' });
    p.graceTimers()[0]!.callback();
    expect(p.workers).toHaveLength(1);
    expect(p.worker.terminated).toBe(false);
    expect(p.controller.run.step).toBe(4);
  });

  it('a worker still inside its step after the grace is ended, and a new one goes on from the checkpoint at the last step, same run', () => {
    const p = page();
    p.training(3, 3);
    const configure = p.stuckPause();
    expect(p.worker.terminated).toBe(true);
    expect(p.workers).toHaveLength(2);
    const next = p.workers[1]!;
    expect(configure).toEqual({
      type: 'configure',
      runId: p.runId,
      scenario: p.store.getState().scenario,
      keep: false,
      resume: { checkpoint: checkpointAt(3), toStep: 3 },
      // The new worker checks the run against the same budget the page set.
      budgetBytes: budgetBytes(p.store.getState().budget),
    });
    expect(next.sent.find((m) => m.type === 'setSpeed')).toEqual({ type: 'setSpeed', speed: p.store.getState().speed });
    // Every finished step is still there; the notice says what was dropped.
    expect([p.controller.run.step, p.controller.run.history.length, p.controller.run.trace.losses().length]).toEqual([3, 3, 3]);
    expect(p.store.getState().notices.at(-1)).toBe(
      'Paused at step 3. Step 4 was still being computed and cannot be interrupted, so it was dropped; a new worker goes on from step 3.',
    );
    // The ended worker's late words are not heard; the new worker's are.
    p.emit(p.worker, { type: 'records', runId: p.runId, records: [stepRecord(4)] });
    p.controller.run.flush();
    expect(p.controller.run.step).toBe(3);
    p.emit(next, { type: 'running', runId: p.runId, running: false, step: 3, why: 'paused' });
    p.emit(next, { type: 'records', runId: p.runId, records: [stepRecord(4)] });
    p.controller.run.flush();
    expect(p.controller.run.step).toBe(4);
  });

  it('resumes from an older checkpoint (the new worker replays up to the last step) or from step 0 when there is none', () => {
    const older = page();
    older.training(5, 4);
    expect(older.stuckPause()).toMatchObject({ resume: { checkpoint: { step: 4 }, toStep: 5 } });
    const none = page();
    none.training(2, null);
    expect(none.stuckPause()).toMatchObject({ resume: { checkpoint: null, toStep: 2 } });
  });

  it("a checkpoint of an earlier run is not used: a new run's takeover starts from step 0", () => {
    const p = page();
    p.training(3, 3);
    p.controller.reset();
    const fresh = (p.worker.sent.filter((m) => m.type === 'configure').at(-1) as Extract<ToWorker, { type: 'configure' }>).runId;
    p.controller.play();
    p.emit(p.worker, { type: 'running', runId: fresh, running: true, step: 0, why: null });
    p.emit(p.worker, { type: 'records', runId: fresh, records: [1, 2, 3, 4, 5].map((step) => stepRecord(step)) });
    expect(p.stuckPause()).toMatchObject({ runId: fresh, resume: { checkpoint: null, toStep: 5 } });
  });

  it('Play within the grace keeps the worker: it will pause and play again once its step is done', () => {
    const p = page();
    p.training(3, 3);
    p.controller.pause();
    p.controller.play();
    p.graceTimers()[0]!.callback();
    expect(p.workers).toHaveLength(1);
    expect(p.worker.sent.slice(-2).map((m) => m.type)).toEqual(['pause', 'play']);
  });

  it('Pause on a stopped run sends the pause and waits for nothing', () => {
    const p = page();
    p.controller.pause();
    expect(p.graceTimers()).toEqual([]);
  });
});
