/**
 * Asks the outcome worker what happens when a preset runs, once per preset per page (results are
 * cached: a preset's outcome depends only on the preset), and puts the answer in the store.
 */
import type { AppStore, PresetOutcome } from '../state/appState';
import type { FromOutcomeWorker, ToOutcomeWorker } from '../worker/outcomeProtocol';

export class OutcomeRunner {
  private worker: Worker | null = null;
  private readonly cache = new Map<string, PresetOutcome>();
  private requests = 0;
  private waiting = new Map<number, string>();

  constructor(
    private readonly store: AppStore,
    private readonly makeWorker: () => Worker,
  ) {}

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
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.waiting.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.makeWorker();
    worker.onmessage = (e: MessageEvent<FromOutcomeWorker>) => this.onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      for (const presetId of this.waiting.values()) this.settle(presetId, failed(presetId, e.message || 'the outcome worker stopped'), false);
      this.stop();
    };
    this.worker = worker;
    return worker;
  }

  private onMessage(m: FromOutcomeWorker): void {
    const presetId = this.waiting.get(m.requestId);
    if (presetId === undefined) return;
    this.waiting.delete(m.requestId);
    if (m.type === 'outcome') this.settle(presetId, m.outcome, true);
    else this.settle(presetId, failed(presetId, m.message), false);
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
