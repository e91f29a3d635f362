/**
 * Asks the outcome worker what happens when a lesson runs and puts the answers in the store: the open lesson's
 * reference outcome (cpu, as written, with the search), the outcome of the run on screen (its backend, the scenario
 * as edited: state/outcomeQuestions.ts), and every lesson's reference for the start screen's badges. Answers are
 * cached: a question's answer depends only on the question.
 *
 * One question is in the worker at a time and the rest wait here, so the open lesson's questions go first even
 * while the start screen's two dozen badges are being computed, and a slider dragged through ten values asks only
 * for the last one.
 *
 * The outcome worker computes each answer in one synchronous stretch (the run and up to 12 search runs) and cannot
 * answer anything meanwhile, so its liveness rule is a silence limit: while a question is out, OUTCOME_SILENCE_MS
 * without an answer means the worker is gone. The slowest preset takes 9 s on cpu in Node with its search
 * (activation-sigmoid-deep; most take 1–3 s), so a minute leaves a slow machine six times that. Then the open
 * preset shows an error instead of "Running…" forever, and retry() (Reset) asks a new worker.
 */
import { presetById } from '../scenarios/presets';
import type { AppState, AppStore, PresetOutcome } from '../state/appState';
import { breakQuestion, referenceQuestion, watchedQuestion, type OutcomeQuestion } from '../state/outcomeQuestions';
import type { FromOutcomeWorker, ToOutcomeWorker } from '../worker/outcomeProtocol';
import { SilenceWatch, browserClock, type LivenessClock } from './liveness';

export const OUTCOME_SILENCE_MS = 60_000;
const CHECK_EVERY_MS = 1000;

type Role = 'reference' | 'badge' | Followed;

/** The questions that follow the screen: the run on screen, and a fix tried where its broken partner breaks. */
type Followed = 'watched' | 'atBreak';

const FOLLOWED: Readonly<Record<Followed, { question: (s: AppState) => OutcomeQuestion | null; write: (o: PresetOutcome | null) => Partial<AppState> }>> = {
  watched: { question: watchedQuestion, write: (watchedOutcome) => ({ watchedOutcome }) },
  atBreak: { question: breakQuestion, write: (breakOutcome) => ({ breakOutcome }) },
};

export class OutcomeRunner {
  private worker: Worker | null = null;
  private readonly cache = new Map<string, PresetOutcome>();
  private requests = 0;
  /** The question in the worker, if any. */
  private inFlight: { requestId: number; question: OutcomeQuestion } | null = null;
  /** Waiting, in the order they go out (the open lesson's first). */
  private queue: OutcomeQuestion[] = [];
  private readonly watch: SilenceWatch;
  /** The key of each followed question now on screen. */
  private readonly followedKeys: Record<Followed, string | null> = { watched: null, atBreak: null };

  constructor(
    private readonly store: AppStore,
    private readonly makeWorker: () => Worker,
    clock: LivenessClock = browserClock,
  ) {
    this.watch = new SilenceWatch(clock, { everyMs: CHECK_EVERY_MS, allowedMs: () => OUTCOME_SILENCE_MS, onSilent: (ms) => this.silent(ms) });
    // The run on screen changes with the scenario and the backend the training worker reports; the fix's check at
    // the break needs its partner's reference, which arrives as a verdict.
    store.subscribe(() => this.followAll());
  }

  /** Show the reference outcome of `presetId` (null: no preset open), computing it if not known yet. */
  show(presetId: string | null): void {
    if (presetId === null) {
      this.store.setState({ outcome: null, watchedOutcome: null, breakOutcome: null });
      return;
    }
    const question = referenceQuestion(presetId);
    this.store.setState({ outcome: this.cache.get(question.key) ?? pending(presetId) });
    this.ask(question, 'front');
    // A pair's partner: its verdict says where the broken one breaks (and whether it breaks at all).
    const other = presetById(presetId)?.pair?.other;
    if (other) this.ask(referenceQuestion(other), 'back');
    this.followAll();
  }

  /** Compute the reference outcomes of `presetIds` after whatever the open lesson needs (the start screen). */
  prefetch(presetIds: readonly string[]): void {
    for (const id of presetIds) this.ask(referenceQuestion(id), 'back');
  }

  /** Ask again for the open preset's outcome if it failed (a stopped worker is replaced on the way). */
  retry(): void {
    const { preset, outcome } = this.store.getState();
    if (preset !== null && outcome?.presetId === preset && outcome.status === 'error') this.show(preset);
    const s = this.store.getState();
    if (s.watchedOutcome?.status === 'error') this.followedKeys.watched = null;
    if (s.breakOutcome?.status === 'error') this.followedKeys.atBreak = null;
    this.followAll();
  }

  stop(): void {
    this.watch.stop();
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = null;
    this.queue = [];
  }

  /** Terminate the outcome worker as the browser would, unannounced (test hooks only). */
  killWorker(): void {
    this.worker?.terminate();
  }

  private followAll(): void {
    for (const role of Object.keys(FOLLOWED) as Followed[]) this.follow(role);
  }

  private follow(role: Followed): void {
    const { question: questionOf, write } = FOLLOWED[role];
    const question = questionOf(this.store.getState());
    const key = question?.key ?? null;
    if (key === this.followedKeys[role]) return;
    this.followedKeys[role] = key;
    // A followed question nobody looks at any more need not be computed.
    this.queue = this.queue.filter((q) => this.roleOf(q) !== null);
    if (!question) {
      this.store.setState(write(null));
      return;
    }
    this.store.setState(write(this.cache.get(question.key) ?? pending(question.presetId)));
    this.ask(question, 'front');
  }

  private ask(question: OutcomeQuestion, where: 'front' | 'back'): void {
    if (this.cache.has(question.key) || this.inFlight?.question.key === question.key) return;
    const rest = this.queue.filter((q) => q.key !== question.key);
    this.queue = where === 'front' ? [question, ...rest] : [...rest, question];
    this.sendNext();
  }

  private sendNext(): void {
    if (this.inFlight) return;
    const question = this.queue.shift();
    if (!question) {
      this.watch.stop();
      return;
    }
    const requestId = ++this.requests;
    this.inFlight = { requestId, question };
    const m: ToOutcomeWorker = {
      type: 'outcome',
      requestId,
      presetId: question.presetId,
      ...(question.backend === 'cpu' ? {} : { backend: question.backend }),
      ...(question.scenario ? { scenario: question.scenario } : {}),
      ...(question.search ? {} : { search: false }),
    };
    this.ensureWorker().postMessage(m);
    this.watch.start();
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
    if (!this.inFlight || this.inFlight.requestId !== m.requestId) return;
    const { question } = this.inFlight;
    this.inFlight = null;
    if (m.type === 'outcome') this.settle(question, m.outcome, true);
    else this.settle(question, failed(question.presetId, m.message), false);
    this.sendNext();
  }

  /** The question in the worker and those waiting fail with `message`, and the worker goes (a new one is made on demand). */
  private failAll(message: string): void {
    const lost = [...(this.inFlight ? [this.inFlight.question] : []), ...this.queue];
    this.stop();
    for (const question of lost) this.settle(question, failed(question.presetId, message), false);
  }

  private silent(silentMs: number): void {
    this.failAll(
      `the outcome worker stopped responding: no answer for ${Math.round(silentMs / 1000)} s, while the slowest example takes seconds (the browser may have stopped it, for instance when it ran out of memory). Press Reset to try again.`,
    );
  }

  /** Who shows the answer to `question` now: the open lesson, the run on screen, a badge, or nobody. */
  private roleOf(question: OutcomeQuestion): Role | null {
    if (question.key === this.followedKeys.watched) return 'watched';
    if (question.key === this.followedKeys.atBreak) return 'atBreak';
    if (!question.search) return null;
    return question.presetId === this.store.getState().preset ? 'reference' : 'badge';
  }

  private settle(question: OutcomeQuestion, outcome: PresetOutcome, keep: boolean): void {
    if (keep) this.cache.set(question.key, outcome);
    const role = this.roleOf(question);
    if (question.search) this.store.setState((s) => ({ verdicts: { ...s.verdicts, [question.presetId]: outcome } }));
    if (role === 'reference') this.store.setState({ outcome });
    else if (role === 'watched' || role === 'atBreak') this.store.setState(FOLLOWED[role].write(outcome));
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
