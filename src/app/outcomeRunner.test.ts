import { describe, expect, it } from 'vitest';
import { presetById, presetScenario } from '../scenarios/presets';
import { createAppStore, initialAppState, type PresetOutcome } from '../state/appState';
import type { FromOutcomeWorker, ToOutcomeWorker } from '../worker/outcomeProtocol';
import { FakeClock } from './livenessFakes';
import { OUTCOME_SILENCE_MS, OutcomeRunner } from './outcomeRunner';
import { FakeWorker } from './testing/fakeWorker';

class FakeOutcomeWorker extends FakeWorker<ToOutcomeWorker> {
  answer(requestId: number, presetId: string): void {
    const outcome = { presetId, status: 'done', message: null, verdict: 'holds', text: 'holds' } as unknown as PresetOutcome;
    const reply: FromOutcomeWorker = { type: 'outcome', requestId, outcome };
    this.deliver(reply);
  }
}

function runner() {
  const clock = new FakeClock();
  const store = createAppStore(initialAppState(presetScenario(presetById('playground-circle')!), [], false, 'playground-circle'));
  const workers: FakeOutcomeWorker[] = [];
  const r = new OutcomeRunner(
    store,
    () => {
      const w = new FakeOutcomeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    clock,
  );
  return { clock, store, workers, r };
}

describe('OutcomeRunner: a worker that stops', () => {
  it('a slow outcome is waited for; a minute without an answer is an error saying what to do, not "Running…" forever', () => {
    const { clock, store, workers, r } = runner();
    r.show('playground-circle');
    clock.advance(OUTCOME_SILENCE_MS - 1000);
    expect(store.getState().outcome?.status).toBe('running');
    clock.advance(2000);
    expect(store.getState().outcome).toMatchObject({
      presetId: 'playground-circle',
      status: 'error',
      message:
        'the outcome worker stopped responding: no answer for 61 s, while the slowest example takes seconds (the browser may have stopped it, for instance when it ran out of memory). Press Reset to try again.',
    });
    expect(workers[0]!.terminated).toBe(true);
    expect(clock.running).toBe(0);
  });

  it('each answer starts the count again, and with none outstanding nothing is watched', () => {
    const { clock, store, workers, r } = runner();
    r.show('playground-circle');
    r.show('activation-relu');
    clock.advance(50_000);
    workers[0]!.answer(1, 'playground-circle');
    clock.advance(50_000);
    workers[0]!.answer(2, 'activation-relu');
    clock.advance(50_000);
    // activation-relu's partner, asked after it: its verdict says where the broken one breaks.
    expect(workers[0]!.sent[2]).toEqual({ type: 'outcome', requestId: 3, presetId: 'activation-sigmoid-deep' });
    workers[0]!.answer(3, 'activation-sigmoid-deep');
    expect(clock.running).toBe(0);
    clock.advance(OUTCOME_SILENCE_MS * 2);
    store.setState({ preset: 'playground-circle' });
    r.show('playground-circle');
    expect(store.getState().outcome?.status).toBe('done');
  });

  it('retry asks a new worker for the open preset after a failure, and does nothing otherwise', () => {
    const { clock, store, workers, r } = runner();
    r.retry();
    expect(workers).toHaveLength(0);
    r.show('playground-circle');
    clock.advance(OUTCOME_SILENCE_MS + 1000);
    r.retry();
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toEqual([{ type: 'outcome', requestId: 2, presetId: 'playground-circle' }]);
    expect(store.getState().outcome?.status).toBe('running');
    workers[1]!.answer(2, 'playground-circle');
    expect(store.getState().outcome?.status).toBe('done');
  });
});

describe('OutcomeRunner: one question at a time, the open lesson first', () => {
  const backend = (active: 'cpu' | 'wasm') => ({ requested: 'auto' as const, active, reason: null, quirks: [] });

  it('the start screen’s badges wait behind the open lesson; every reference answer becomes a badge', () => {
    const { store, workers, r } = runner();
    r.prefetch(['activation-relu', 'outliers-raw']);
    r.show('playground-circle');
    expect(workers[0]!.sent).toEqual([{ type: 'outcome', requestId: 1, presetId: 'activation-relu' }]);
    workers[0]!.answer(1, 'activation-relu');
    // The open lesson jumped the queue.
    expect(workers[0]!.sent[1]).toEqual({ type: 'outcome', requestId: 2, presetId: 'playground-circle' });
    workers[0]!.answer(2, 'playground-circle');
    expect(workers[0]!.sent[2]).toEqual({ type: 'outcome', requestId: 3, presetId: 'outliers-raw' });
    workers[0]!.answer(3, 'outliers-raw');
    expect(Object.keys(store.getState().verdicts).sort()).toEqual(['activation-relu', 'outliers-raw', 'playground-circle']);
    expect(store.getState().outcome?.presetId).toBe('playground-circle');
    // Asked again: answered from the cache, nothing sent.
    r.prefetch(['activation-relu']);
    expect(workers[0]!.sent).toHaveLength(3);
  });

  it('a lesson watched on wasm is decided again on wasm without the search; on cpu as written the reference answers', () => {
    const { store, workers, r } = runner();
    r.show('playground-circle');
    workers[0]!.answer(1, 'playground-circle');
    store.setState({ backend: backend('cpu') });
    expect(workers[0]!.sent).toHaveLength(1);
    expect(store.getState().watchedOutcome).toBeNull();
    store.setState({ backend: backend('wasm') });
    expect(workers[0]!.sent[1]).toEqual({ type: 'outcome', requestId: 2, presetId: 'playground-circle', backend: 'wasm', search: false });
    expect(store.getState().watchedOutcome?.status).toBe('running');
    workers[0]!.answer(2, 'playground-circle');
    expect(store.getState().watchedOutcome?.status).toBe('done');
  });

  it('an edited lesson is decided for the edit; dragging through values asks only for the last one', () => {
    const { store, workers, r } = runner();
    store.setState({ backend: backend('cpu') });
    r.show('playground-circle');
    const lesson = store.getState().scenario;
    store.setState({ scenario: { ...lesson, lr: 0.2 } });
    store.setState({ scenario: { ...lesson, lr: 0.3 } });
    store.setState({ scenario: { ...lesson, lr: 0.4 } });
    workers[0]!.answer(1, 'playground-circle');
    const sent = workers[0]!.sent.slice(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'outcome', presetId: 'playground-circle', search: false, scenario: { lr: 0.4, backend: 'cpu' } });
  });
});
