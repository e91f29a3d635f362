/**
 * Asks the outcome worker what happens when a preset runs, once per preset per page (results are
 * cached: a preset's outcome depends only on the preset), and puts the answer in the store.
 *
 * The outcome worker computes each outcome in one synchronous stretch (the run and up to 12
 * search runs) and cannot answer anything meanwhile, so its liveness rule is a silence limit:
 * while requests are outstanding, OUTCOME_SILENCE_MS without an answer means the worker is gone.
 * The slowest preset takes 9 s on cpu in Node with its search (activation-sigmoid-deep; most take
 * 1–3 s), so a minute leaves a slow machine six times that. Then the open preset shows an error
 * instead of "Running…" forever, and retry() (Reset) asks a new worker.
 */
import type { AppStore, PresetOutcome } from '../state/appState';
import type { FromOutcomeWorker, ToOutcomeWorker } from '../worker/outcomeProtocol';
import { SilenceWatch, browserClock, type LivenessClock } from './liveness';

export const OUTCOME_SILENCE_MS = 60_000;
const CHECK_EVERY_MS = 1000;

export class OutcomeRunner {
  private worker: Worker | null = null;
  private readonly cache = new Map<string, PresetOutcome>();
  private requests = 0;
  private waiting = new Map<number, string>();
  private readonly watch: SilenceWatch;

  constructor(
    private readonly store: AppStore,
    private readonly makeWorker: () => Worker,
    clock: LivenessClock = browserClock,
  ) {
    this.watch = new SilenceWatch(clock, { everyMs: CHECK_EVERY_MS, allowedMs: () => OUTCOME_SILENCE_MS, onSilent: (ms) => this.silent(ms) });
  }

  /** Show the outcome of `presetId` (null: no preset open), computing it if not known yet. */
  show(presetId: string | null): void {
    if (presetId === null) {
      this.store.setState({ outcome: null });
      return;
    }
    const known = this.cache.get(presetId);
    if (known) {
      this.store.setState({ outcome: known });
      return;
    }
    this.store.setState({ outcome: pending(presetId) });
    if ([...this.waiting.values()].includes(presetId)) return;
    const requestId = ++this.requests;
    this.waiting.set(requestId, presetId);
    const m: ToOutcomeWorker = { type: 'outcome', requestId, presetId };
    this.ensureWorker().postMessage(m);
    this.watch.start();
  }

  /** Ask again for the open preset's outcome if it failed (a stopped worker is replaced on the way). */
  retry(): void {
    const { preset, outcome } = this.store.getState();
    if (preset !== null && outcome?.presetId === preset && outcome.status === 'error') this.show(preset);
  }

  stop(): void {
    this.watch.stop();
    this.worker?.terminate();
    this.worker = null;
    this.waiting.clear();
  }

  /** Terminate the outcome worker as the browser would, unannounced (test hooks only). */
  killWorker(): void {
    this.worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.makeWorker();
    worker.onmessage = (e: MessageEvent<FromOutcomeWorker>) => this.onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.failAll(e.message || 'the outcome worker stopped');
    };
    this.worker = worker;
    return worker;
  }

  private onMessage(m: FromOutcomeWorker): void {
    this.watch.heard();
    const presetId = this.waiting.get(m.requestId);
    if (presetId === undefined) return;
    this.waiting.delete(m.requestId);
    if (this.waiting.size === 0) this.watch.stop();
    if (m.type === 'outcome') this.settle(presetId, m.outcome, true);
    else this.settle(presetId, failed(presetId, m.message), false);
  }

  /** Every outstanding request fails with `message`, and the worker goes (a new one is made on demand). */
  private failAll(message: string): void {
    for (const presetId of this.waiting.values()) this.settle(presetId, failed(presetId, message), false);
    this.stop();
  }

  private silent(silentMs: number): void {
    this.failAll(
      `the outcome worker stopped responding: no answer for ${Math.round(silentMs / 1000)} s, while the slowest example takes seconds (the browser may have stopped it, for instance when it ran out of memory). Press Reset to try again.`,
    );
  }

  private settle(presetId: string, outcome: PresetOutcome, keep: boolean): void {
    if (keep) this.cache.set(presetId, outcome);
    // Only the preset still open is shown; the others wait in the cache.
    if (this.store.getState().preset === presetId) this.store.setState({ outcome });
  }
}

function pending(presetId: string): PresetOutcome {
  return {
    presetId,
    status: 'running',
    message: null,
    backend: null,
    verdict: null,
    text: '',
    observed: '',
    steps: 0,
    firstNonFinite: null,
    finalLoss: null,
    trials: [],
    variant: null,
  };
}

function failed(presetId: string, message: string): PresetOutcome {
  return { ...pending(presetId), status: 'error', message };
}
