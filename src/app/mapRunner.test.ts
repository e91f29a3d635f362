import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { coarseToFine } from '../scenarios/cellOrder';
import type { OpenMap } from '../scenarios/mapLink';
import type { MapCell } from '../scenarios/stabilityGrid';
import { createAppStore, initialAppState } from '../state/appState';
import type { HistoryLike } from '../state/urlSync';
import type { FromMapWorker, ToMapWorker } from '../worker/mapProtocol';
import { FakeClock } from './livenessFakes';
import { MAP_SILENCE_MS, MapRunner, mapPoolSize } from './mapRunner';
import { FakeWorker } from './testing/fakeWorker';

class FakeMapWorker extends FakeWorker<ToMapWorker> {
  /** Answer the last cell asked for: flagged at step i + j + 1 when i ≥ j, finite otherwise. */
  answer(ms = 5): ToMapWorker {
    const m = this.sent.at(-1)!;
    const flagged = m.i >= m.j;
    const cell: MapCell = {
      i: m.i,
      j: m.j,
      x: m.i,
      y: m.j,
      firstNonFinite: flagged ? m.i + m.j + 1 : null,
      kind: flagged ? '+Inf' : null,
      quantity: flagged ? 'loss' : null,
      finalLoss: flagged ? Infinity : 0.5,
    };
    const reply: FromMapWorker = { type: 'cell', jobId: m.jobId, cell, ms };
    this.deliver(reply);
    return m;
  }
}

const MAP: OpenMap = { spec: { x: { key: 'lr', min: 1e-3, max: 1, cells: 3 }, y: { key: 'inputScale', min: 1, max: 100, cells: 3 } }, backend: 'cpu' };

function setup(poolSize = 2, scenario: Scenario = { ...DEFAULT_SCENARIO }) {
  const clock = new FakeClock();
  const urls: [string, string][] = [];
  const history: HistoryLike = { pushState: (_d, _u, url) => urls.push(['push', url ?? '']), replaceState: (_d, _u, url) => urls.push(['replace', url ?? '']) };
  const store = createAppStore(initialAppState(scenario, [], false));
  const workers: FakeMapWorker[] = [];
  const timers: (() => void)[] = [];
  const runner = new MapRunner(store, {
    makeWorker: () => {
      const w = new FakeMapWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    address: { history, location: { pathname: '/' } },
    now: () => clock.now(),
    setTimer: (cb) => timers.push(cb),
    poolSize,
    clock,
  });
  /** Answer whatever each live worker was asked last, until nothing is outstanding. */
  const drain = (): void => {
    for (let guard = 0; guard < 100; guard += 1) {
      const busy = workers.filter((w) => !w.terminated && w.sent.length > 0 && !answered.has(w.sent.at(-1)!));
      if (busy.length === 0) return;
      for (const w of busy) answered.add(w.answer());
    }
  };
  const answered = new Set<ToMapWorker>();
  return { clock, store, workers, runner, urls, timers, drain, answered };
}

describe('mapPoolSize', () => {
  it('leaves one core to the page from three cores up, uses both of two, and keeps to one … eight workers', () => {
    expect([undefined, 1, 2, 3, 4, 16].map(mapPoolSize)).toEqual([2, 1, 2, 2, 3, 8]);
  });
});

describe('MapRunner', () => {
  it('opens a map in the link, sends the cells coarse to fine to a pool, and finishes with every cell and no worker left', () => {
    const { store, workers, runner, urls, drain } = setup(2);
    runner.open(MAP);
    expect(store.getState().map).toBe(MAP);
    expect(urls).toEqual([['push', '/?v=1&map=lr,scale&mapx=0.001,1&mapy=1,100&mapn=3,3']]);
    expect(workers).toHaveLength(2);
    expect(runner.progress.getState()).toMatchObject({ status: 'running', done: 0, total: 9, workers: 2 });
    drain();
    const order = workers.flatMap((w) => w.sent).sort((a, b) => a.jobId - b.jobId);
    expect(new Set(order.map((m) => `${m.i},${m.j}`))).toEqual(new Set(coarseToFine(3, 3).map(({ i, j }) => `${i},${j}`)));
    // The first two cells out are the first two of the coarse-to-fine order, one per worker.
    expect([workers[0]!.sent[0], workers[1]!.sent[0]].map((m) => [m!.i, m!.j])).toEqual([
      [0, 0],
      [2, 0],
    ]);
    expect(workers[0]!.sent[0]).toMatchObject({ type: 'cell', base: DEFAULT_SCENARIO, spec: MAP.spec, backend: 'cpu' });
    const p = runner.progress.getState();
    expect([p.status, p.done, p.total, p.workers]).toEqual(['done', 9, 9, 0]);
    expect(p.cells.map((c) => c?.firstNonFinite ?? null)).toEqual([1, 2, 3, null, 3, 4, null, null, 5]);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('redraws cells a few times a second rather than per cell, and estimates the time left from the pace so far', () => {
    const { clock, workers, runner, timers } = setup(1);
    runner.open(MAP);
    clock.advance(1000);
    workers[0]!.answer();
    clock.advance(1000);
    workers[0]!.answer();
    expect(runner.progress.getState().done).toBe(0);
    expect(timers).toHaveLength(1);
    timers.shift()!();
    // Two cells in two seconds: seven more take seven.
    expect(runner.progress.getState()).toMatchObject({ done: 2, total: 9, leftMs: 7000, status: 'running' });
  });

  it('keeps what was done when cancelled, resumes only the missing cells, and shows a complete map again at once', () => {
    const { workers, runner, drain } = setup(1);
    runner.open(MAP);
    workers[0]!.answer();
    workers[0]!.answer();
    runner.cancel();
    expect(workers[0]!.terminated).toBe(true);
    expect(runner.progress.getState()).toMatchObject({ status: 'cancelled', done: 2 });
    runner.compute();
    expect(workers).toHaveLength(2);
    drain();
    expect(workers[1]!.sent).toHaveLength(7);
    expect(runner.progress.getState()).toMatchObject({ status: 'done', done: 9 });
    runner.close();
    runner.open(MAP);
    expect(workers).toHaveLength(2);
    expect(runner.progress.getState()).toMatchObject({ status: 'done', done: 9 });
  });

  it("follows the scenario: a change of the map's own two settings keeps the map, any other change stops it", () => {
    const { store, workers, runner } = setup(1);
    runner.open(MAP);
    workers[0]!.answer();
    store.setState((s) => ({ scenario: { ...s.scenario, lr: 0.5, inputScale: 10 } }));
    expect(workers[0]!.terminated).toBe(false);
    store.setState((s) => ({ scenario: { ...s.scenario, seed: 7 } }));
    expect(workers[0]!.terminated).toBe(true);
    expect(runner.progress.getState()).toMatchObject({ status: 'idle', done: 0, total: 9 });
    // An answer of the stopped job is dropped.
    workers[0]!.answer();
    expect(runner.progress.getState().done).toBe(0);
  });

  it('a worker that fails loses its cell, marked with why, and a fresh one carries on', () => {
    const { workers, runner, drain } = setup(1);
    runner.open(MAP);
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    expect(workers).toHaveLength(2);
    drain();
    const p = runner.progress.getState();
    expect(p.status).toBe('done');
    expect(p.cells[0]).toMatchObject({ i: 0, j: 0, x: 1e-3, y: 1, error: 'the map worker stopped: out of memory' });
  });

  it('a worker silent past its allowance is replaced; a backend that does not start stops the map with its reason', () => {
    const { clock, workers, runner } = setup(1);
    runner.open(MAP);
    clock.advance(MAP_SILENCE_MS + 2000);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(runner.progress.getState().cells[0]?.error).toMatch(/^the map worker stopped responding \(no answer for 6\d s\)$/);
    const m = workers[1]!.sent[0]!;
    workers[1]!.deliver({ type: 'failed', jobId: m.jobId, message: 'wasm did not start here' } satisfies FromMapWorker);
    expect(runner.progress.getState()).toMatchObject({ status: 'error', message: 'wasm did not start here', workers: 0 });
    expect(clock.running).toBe(0);
  });

  it('reads a map from a link and computes it; a bad part of it is reported', () => {
    const { store, workers, runner } = setup(1);
    runner.followLink('?map=lr,scale&mapx=1e-3,1&mapy=1,100&mapn=3,3&mapbe=webgl');
    expect(store.getState().map).toEqual(MAP);
    expect(store.getState().rejected).toEqual([{ key: 'mapbe', value: 'webgl', reason: 'the map runs on cpu or wasm; cpu is used' }]);
    expect(workers).toHaveLength(1);
    runner.followLink('?lr=0.1');
    expect(store.getState().map).toBeNull();
    expect(workers[0]!.terminated).toBe(true);
    // An embed shows no map: the link keeps it, nothing is computed.
    store.setState({ embed: true });
    runner.followLink('?map=lr,scale&mapn=3,3');
    expect(store.getState().map).not.toBeNull();
    expect(workers).toHaveLength(1);
  });
});
