/**
 * Computes the open stability map with a pool of map workers (mapPoolSize: hardwareConcurrency − 1,
 * at least two where there are two cores): cells go out coarse to fine, one per worker at a time, and come back into the page's cache
 * (state/mapResults.ts) and the progress store the panel draws, a few times a second. A map already
 * in the cache shows at once, whole or as far as it got; computing it again runs only the missing
 * cells. Cancel terminates the workers at once (a cell can take seconds) and keeps what was done.
 * A worker that stops (an error, or silence past its allowance) loses its cell, which shows as
 * failed, and a fresh worker takes its place.
 */
import type { Scenario } from '../engine/scenario';
import { coarseToFine } from '../scenarios/cellOrder';
import { readMapLink, type OpenMap } from '../scenarios/mapLink';
import { axisValues, type MapCell } from '../scenarios/stabilityGrid';
import type { AppStore } from '../state/appState';
import { IDLE_MAP, MapCache, cellIndex, mapCacheKey, timeLeftMs, type MapProgress } from '../state/mapResults';
import { createStore, type Store } from '../state/store';
import { writeAddress, type Address } from './addressBar';
import { SilenceWatch, browserClock, type LivenessClock } from './liveness';
import type { FromMapWorker, ToMapWorker } from '../worker/mapProtocol';

/** The shortest silence allowed a busy map worker; a slow cell stretches it (20 × the slowest so far). */
export const MAP_SILENCE_MS = 60_000;
/** Progress is redrawn at most this often while cells arrive (a fast map finishes dozens a second). */
const REDRAW_MS = 150;
/** A job whose workers stop this many times is given up rather than restarted again. */
const MAX_RESTARTS = 3;

/**
 * Workers for a machine with `cores` logical cores: one core is left to the page and the training
 * worker, except that two cores get two workers. While a map fills, the page's thread is mostly idle
 * (it redraws the map a few times a second), so leaving it a whole core of two would leave half the
 * machine idle; the map's long-task test holds the page to 50 ms tasks with both cores computing.
 */
export function mapPoolSize(cores: number | undefined): number {
  const n = cores ?? 2;
  return Math.max(1, Math.min(8, Math.max(Math.min(n, 2), n - 1)));
}

export interface MapRunnerDeps {
  makeWorker: () => Worker;
  address: Address;
  now: () => number;
  setTimer: (callback: () => void, ms: number) => unknown;
  poolSize: number;
  clock?: LivenessClock;
}

interface Job {
  id: number;
  key: string;
  base: Scenario;
  map: OpenMap;
  total: number;
  queue: { i: number; j: number }[];
  startedAt: number;
  doneAtStart: number;
  restarts: number;
}

interface PoolWorker {
  worker: Worker;
  cell: { i: number; j: number } | null;
  watch: SilenceWatch;
}

export class MapRunner {
  readonly progress: Store<MapProgress> = createStore<MapProgress>(IDLE_MAP);
  private readonly cache = new MapCache();
  private pool: PoolWorker[] = [];
  private job: Job | null = null;
  private jobs = 0;
  private slowestMs = 0;
  private redrawQueued = false;
  private pending: Partial<MapProgress> = {};
  private shown: { scenario: Scenario; map: OpenMap | null } | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly deps: MapRunnerDeps,
  ) {
    store.subscribe(() => this.follow());
  }

  /** Open `map` over the current scenario and compute what the cache does not hold yet. */
  open(map: OpenMap): void {
    const before = this.store.getState().map;
    this.store.setState({ map });
    writeAddress(this.deps.address, this.store.getState(), before ? 'replace' : 'push');
    this.compute();
  }

  /** Close the map (the link drops it); a computation in progress stops, its cells stay cached. */
  close(): void {
    this.cancel();
    this.store.setState({ map: null });
    writeAddress(this.deps.address, this.store.getState(), 'push');
  }

  /**
   * The map a link names (on load, after Back/Forward), computed at once: a shared link is asked to show it. Not in
   * an embed or classroom mode, which show no map: there it waits, in the link, for the full playground's Compute.
   */
  followLink(search: string): void {
    const params = new URLSearchParams(search);
    const { map, rejected } = readMapLink(params, this.store.getState().scenario);
    this.store.setState((s) => ({ map, rejected: rejected.length > 0 ? [...s.rejected, ...rejected] : s.rejected }));
    const { embed, classroom } = this.store.getState();
    if (map && !embed && !classroom) this.compute();
  }

  /** Compute the missing cells of the open map over the current scenario. */
  compute(): void {
    const { scenario, map } = this.store.getState();
    if (!map) return;
    this.stopJob();
    const key = mapCacheKey(scenario, map);
    const total = map.spec.x.cells * map.spec.y.cells;
    const known = this.cache.get(key);
    const queue = coarseToFine(map.spec.x.cells, map.spec.y.cells).filter(({ i, j }) => !known?.[cellIndex(map.spec, i, j)]);
    const done = total - queue.length;
    this.shown = { scenario, map };
    if (queue.length === 0) return this.publish({ key, status: 'done', message: null }, true);
    this.job = { id: ++this.jobs, key, base: scenario, map, total, queue, startedAt: this.deps.now(), doneAtStart: done, restarts: 0 };
    const workers = Math.min(this.deps.poolSize, queue.length);
    for (let n = 0; n < workers; n += 1) this.pool.push(this.spawn());
    this.publish({ key, status: 'running', message: null, workers }, true);
    for (const w of this.pool) this.dispatch(w);
  }

  /** Stop computing now; the cells done so far stay (and a new compute resumes from them). */
  cancel(): void {
    if (!this.job) return;
    const key = this.job.key;
    this.stopJob();
    this.publish({ key, status: 'cancelled', message: null, workers: 0 }, true);
  }

  /** Terminate every map worker as the browser would, unannounced (test hooks only). */
  killWorkers(): void {
    for (const w of this.pool) w.worker.terminate();
  }

  /** A different scenario or map on screen: show what the cache has for it, and stop computing the old one. */
  private follow(): void {
    const { scenario, map } = this.store.getState();
    if (this.shown && this.shown.scenario === scenario && this.shown.map === map) return;
    this.shown = { scenario, map };
    const key = map ? mapCacheKey(scenario, map) : null;
    if (key === this.progress.getState().key) return;
    this.stopJob();
    const cells = key === null ? undefined : this.cache.get(key);
    const total = map ? map.spec.x.cells * map.spec.y.cells : 0;
    const done = cells ? cells.filter((c) => c !== null).length : 0;
    this.publish({ key, status: key === null ? 'idle' : done === total ? 'done' : done > 0 ? 'cancelled' : 'idle', message: null, workers: 0 }, true);
  }

  private spawn(): PoolWorker {
    const worker = this.deps.makeWorker();
    const entry: PoolWorker = {
      worker,
      cell: null,
      watch: new SilenceWatch(this.deps.clock ?? browserClock, {
        everyMs: 1000,
        allowedMs: () => Math.max(MAP_SILENCE_MS, 20 * this.slowestMs),
        onSilent: (ms) => this.lost(entry, `the map worker stopped responding (no answer for ${Math.round(ms / 1000)} s)`),
      }),
    };
    worker.onmessage = (e: MessageEvent<FromMapWorker>) => this.answered(entry, e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.lost(entry, `the map worker stopped: ${e.message || 'no reason given'}`);
    };
    return entry;
  }

  private dispatch(w: PoolWorker): void {
    const job = this.job;
    const next = job?.queue.shift();
    if (!job || !next) {
      w.cell = null;
      w.watch.stop();
      if (job && this.pool.every((p) => p.cell === null)) this.finish();
      return;
    }
    w.cell = next;
    const m: ToMapWorker = { type: 'cell', jobId: job.id, base: job.base, spec: job.map.spec, i: next.i, j: next.j, backend: job.map.backend };
    w.worker.postMessage(m);
    w.watch.start();
  }

  private answered(w: PoolWorker, m: FromMapWorker): void {
    w.watch.heard();
    const job = this.job;
    if (!job || m.jobId !== job.id) return;
    if (m.type === 'failed') {
      const key = job.key;
      this.stopJob();
      return this.publish({ key, status: 'error', message: m.message, workers: 0 }, true);
    }
    this.slowestMs = Math.max(this.slowestMs, m.ms);
    this.record(job, m.cell);
    this.dispatch(w);
  }

  /** A worker that stopped: its cell is marked failed and a fresh worker carries on (a few times per job). */
  private lost(w: PoolWorker, why: string): void {
    w.watch.stop();
    w.worker.terminate();
    const job = this.job;
    const index = this.pool.indexOf(w);
    if (!job || index < 0) return;
    if (w.cell) {
      const { i, j } = w.cell;
      const values = { x: axisValues(job.map.spec.x), y: axisValues(job.map.spec.y) };
      this.record(job, { i, j, x: values.x[i]!, y: values.y[j]!, firstNonFinite: null, kind: null, quantity: null, finalLoss: null, error: why }, true);
    }
    job.restarts += 1;
    if (job.restarts > MAX_RESTARTS) {
      const key = job.key;
      this.stopJob();
      return this.publish(
        { key, status: 'error', message: `${why}; the map stopped after ${MAX_RESTARTS} restarts. Press Compute to try again.`, workers: 0 },
        true,
      );
    }
    const fresh = this.spawn();
    this.pool[index] = fresh;
    this.dispatch(fresh);
  }

  /** Keep a cell; `now`: show it at once (a failed cell is rare and worth seeing), else at the next redraw. */
  private record(job: Job, cell: MapCell, now = false): void {
    this.cache.put(job.key, job.total, cellIndex(job.map.spec, cell.i, cell.j), cell);
    this.publish({ key: job.key, status: 'running', message: null }, now);
  }

  private finish(): void {
    const key = this.job!.key;
    this.stopJob();
    this.publish({ key, status: 'done', message: null, workers: 0 }, true);
  }

  private stopJob(): void {
    for (const w of this.pool) {
      w.watch.stop();
      w.worker.terminate();
    }
    this.pool = [];
    this.job = null;
  }

  /** Put the cells of `patch.key` and the state in the progress store, now or at the next redraw. */
  private publish(patch: Partial<MapProgress> & { key: string | null }, now: boolean): void {
    this.pending = { ...this.pending, ...patch };
    if (now) return this.flush();
    if (this.redrawQueued) return;
    this.redrawQueued = true;
    this.deps.setTimer(() => this.flush(), REDRAW_MS);
  }

  private flush(): void {
    this.redrawQueued = false;
    const patch = this.pending;
    this.pending = {};
    const key = patch.key ?? this.progress.getState().key;
    const map = this.store.getState().map;
    const total = map ? map.spec.x.cells * map.spec.y.cells : 0;
    const cached = key === null ? undefined : this.cache.get(key);
    const cells = cached ? [...cached] : new Array<MapCell | null>(total).fill(null);
    const done = cells.filter((c) => c !== null).length;
    const job = this.job;
    const leftMs = job && job.key === key ? timeLeftMs(done - job.doneAtStart, job.total - job.doneAtStart, this.deps.now() - job.startedAt) : null;
    this.progress.setState({ ...patch, key, cells, done, total, leftMs });
  }
}
