import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine/records';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { stepRecord } from '../engine/testing/stepRecord';
import { createAppStore, initialAppState } from '../state/appState';
import type { HistoryLike } from '../state/urlSync';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { PlaygroundController } from './controller';
import { NOTICE_MS } from './notices';
import { FakeWorker as BaseFakeWorker } from './testing/fakeWorker';

/** The training worker's side of the protocol, played by the test. */
class FakeWorker extends BaseFakeWorker<ToWorker> {
  emit(m: FromWorker): void {
    this.deliver(m);
  }
  last<T extends ToWorker['type']>(type: T): Extract<ToWorker, { type: T }> | undefined {
    return this.sent.filter((m): m is Extract<ToWorker, { type: T }> => m.type === type).at(-1);
  }
}

const record = (step: number): StepRecord => stepRecord(step);

/** A page made of fakes: workers, frames, clock, history and timers the test drives. */
function setup(search = '') {
  const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false));
  const workers: FakeWorker[] = [];
  const frames: (() => void)[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const writes: { mode: 'push' | 'replace'; url: string }[] = [];
  const stored: (string | null)[] = [];
  const history: HistoryLike = {
    pushState: (_d, _u, url) => writes.push({ mode: 'push', url: url ?? '' }),
    replaceState: (_d, _u, url) => writes.push({ mode: 'replace', url: url ?? '' }),
  };
  const location = { pathname: '/app/', search };
  const controller = new PlaygroundController(store, {
    makeWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    makeOutcomeWorker: () => new FakeWorker() as unknown as Worker,
    schedule: (cb) => frames.push(cb),
    now: () => 0,
    history,
    location,
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    storeBudget: (value) => stored.push(value),
  });
  controller.start(false);
  const worker = workers[0]!;
  const runId = () => worker.last('configure')!.runId;
  const frame = () => frames.splice(0).forEach((f) => f());
  /** The tasks queued with a 0 ms timer (the address bar's write after a scenario change). */
  const nextTask = () => timers.splice(0).forEach((t) => (t.ms === 0 ? t.callback() : timers.push(t)));
  return { store, worker, workers, controller, runId, frame, nextTask, timers, writes, location, stored };
}

describe('PlaygroundController: the memory budget', () => {
  it("builds every run against the page's budget; a new choice is kept in the browser and builds the run again", () => {
    const { store, worker, controller, stored, writes } = setup();
    const device = store.getState().budget.device;
    expect(worker.last('configure')?.budgetBytes).toBe(device);
    const before = worker.last('configure')!.runId;
    controller.setBudget(1e9);
    expect(worker.last('configure')).toMatchObject({ budgetBytes: 1e9, keep: false });
    expect(worker.last('configure')!.runId).toBeGreaterThan(before);
    controller.setBudget(null);
    expect(worker.last('configure')?.budgetBytes).toBe(device);
    expect(stored).toEqual(['1000000000', null]);
    // A budget is this browser's, not the scenario's: the address bar is not written.
    expect(writes).toEqual([]);
  });
});

describe('PlaygroundController: worker protocol', () => {
  it('applies records once per frame, to the run feed and not the store', () => {
    const { worker, controller, runId, frame } = setup();
    worker.emit({ type: 'running', runId: runId(), running: true, step: 0, why: null });
    worker.emit({ type: 'records', runId: runId(), records: [record(1), record(2)] });
    expect(controller.run.step).toBe(0);
    frame();
    expect(controller.run.step).toBe(2);
    expect(controller.run.history.length).toBe(2);
  });

  it('a stop shows the step it stopped at in the same update, with no frame in between', () => {
    const { store, worker, controller, runId } = setup();
    worker.emit({ type: 'running', runId: runId(), running: true, step: 0, why: null });
    worker.emit({ type: 'records', runId: runId(), records: [record(1), record(2), record(3)] });
    worker.emit({ type: 'running', runId: runId(), running: false, step: 3, why: 'paused' });
    expect(store.getState().running).toBe(false);
    expect(controller.run.step).toBe(3);
  });

  it("lays out the per-parameter series when the model is built, in the worker's order; a left run is ignored", () => {
    const { worker, controller, runId } = setup();
    worker.emit({ type: 'model', runId: runId(), parameters: ['dense/kernel', 'dense/bias'] });
    expect([...controller.run.series.gradNorms.keys()]).toEqual(['dense/kernel', 'dense/bias']);
    expect([...controller.run.series.weightNorms.keys()]).toEqual(['dense/kernel', 'dense/bias']);
    worker.emit({ type: 'model', runId: runId() + 1, parameters: ['other/kernel'] });
    worker.emit({ type: 'records', runId: runId() - 1, records: [record(1)] });
    expect(controller.run.series.gradNorms.has('other/kernel')).toBe(false);
    expect(controller.run.history.length).toBe(0);
  });

  it('a crashed worker shows its error; Reset spawns a new worker and a fresh run', () => {
    const { store, workers, controller } = setup();
    workers[0]!.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
    expect(store.getState().error).toBe('The training worker stopped: boom');
    controller.play();
    expect(workers[0]!.last('play')).toBeUndefined();
    controller.reset();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.last('configure')?.keep).toBe(false);
    expect(store.getState().error).toBeNull();
  });
});

describe('PlaygroundController: scenario changes', () => {
  it('a control change replaces the history entry and keeps the weights (live configure, same run)', () => {
    const { worker, controller, runId, writes, nextTask } = setup();
    const before = runId();
    controller.setScenario({ ...DEFAULT_SCENARIO, lr: 0.02 });
    // The address bar follows in a task of its own, after the change has rendered.
    expect(writes).toEqual([]);
    nextTask();
    expect(writes).toEqual([{ mode: 'replace', url: expect.stringContaining('lr=0.02') }]);
    expect(worker.last('configure')).toMatchObject({ keep: true, runId: before });
  });

  it('a structural change pushes a history entry, rebuilds from step 0 under a new run id, and says so', () => {
    const { store, worker, controller, runId, frame, writes, timers, nextTask } = setup();
    worker.emit({ type: 'records', runId: runId(), records: [record(1)] });
    frame();
    const before = runId();
    controller.setScenario({ ...DEFAULT_SCENARIO, hidden: [7] });
    nextTask();
    expect(writes.map((w) => w.mode)).toEqual(['push']);
    expect(worker.last('configure')).toMatchObject({ keep: false, runId: before + 1 });
    expect(controller.run.step).toBe(0);
    expect(store.getState().notices).toEqual(['Model reset: Hidden sizes changed, so training starts again from step 0.']);
    // The notice goes away after NOTICE_MS.
    const notices = timers.filter((t) => t.ms === NOTICE_MS);
    expect(notices).toHaveLength(1);
    notices[0]!.callback();
    expect(store.getState().notices).toEqual([]);
  });

  it('an import pushes even a live change', () => {
    const { controller, writes, nextTask } = setup();
    controller.setScenario({ ...DEFAULT_SCENARIO, lr: 0.03 }, { push: true, preset: null });
    // Two changes before the address bar is written: each is written as it was, in order.
    controller.setScenario({ ...DEFAULT_SCENARIO, lr: 0.04 });
    nextTask();
    expect(writes).toEqual([
      { mode: 'push', url: expect.stringContaining('lr=0.03') },
      { mode: 'replace', url: expect.stringContaining('lr=0.04') },
    ]);
  });

  it('Back/Forward follows the address bar without writing it', () => {
    const { worker, controller, writes, location } = setup();
    location.search = '?lr=0.5';
    controller.followLocation();
    expect(writes).toEqual([]);
    expect(worker.last('configure')?.scenario.lr).toBe(0.5);
  });

  it('a speed change goes to the worker and stays in the link (replaced); auto, the default, leaves the link', () => {
    const { worker, controller, writes } = setup();
    controller.setSpeed(7);
    expect(worker.last('setSpeed')).toEqual({ type: 'setSpeed', speed: 7 });
    controller.setSpeed('auto');
    expect(worker.last('setSpeed')).toEqual({ type: 'setSpeed', speed: 'auto' });
    expect(writes.map((w) => [w.mode, w.url.includes('speed=7')])).toEqual([
      ['replace', true],
      ['replace', false],
    ]);
  });

  it('the same scenario again sends nothing and writes nothing', () => {
    const { worker, controller, writes } = setup();
    const sent = worker.sent.length;
    controller.setScenario({ ...DEFAULT_SCENARIO });
    expect(worker.sent.length).toBe(sent);
    expect(writes).toEqual([]);
  });
});
