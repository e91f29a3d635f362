import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
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
  const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false, 'optimizer-high-lr'));
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
    r.show('optimizer-high-lr');
    clock.advance(OUTCOME_SILENCE_MS - 1000);
    expect(store.getState().outcome?.status).toBe('running');
    clock.advance(2000);
    expect(store.getState().outcome).toMatchObject({
      presetId: 'optimizer-high-lr',
      status: 'error',
      message:
        'the outcome worker stopped responding: no answer for 61 s, while the slowest example takes seconds (the browser may have stopped it, for instance when it ran out of memory). Press Reset to try again.',
    });
    expect(workers[0]!.terminated).toBe(true);
    expect(clock.running).toBe(0);
  });

  it('each answer starts the count again, and with none outstanding nothing is watched', () => {
    const { clock, store, workers, r } = runner();
    r.show('optimizer-high-lr');
    r.show('activation-relu');
    clock.advance(50_000);
    workers[0]!.answer(1, 'optimizer-high-lr');
    clock.advance(50_000);
    workers[0]!.answer(2, 'activation-relu');
    expect(clock.running).toBe(0);
    clock.advance(OUTCOME_SILENCE_MS * 2);
    store.setState({ preset: 'optimizer-high-lr' });
    r.show('optimizer-high-lr');
    expect(store.getState().outcome?.status).toBe('done');
  });

  it('retry asks a new worker for the open preset after a failure, and does nothing otherwise', () => {
    const { clock, store, workers, r } = runner();
    r.retry();
    expect(workers).toHaveLength(0);
    r.show('optimizer-high-lr');
    clock.advance(OUTCOME_SILENCE_MS + 1000);
    r.retry();
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toEqual([{ type: 'outcome', requestId: 2, presetId: 'optimizer-high-lr' }]);
    expect(store.getState().outcome?.status).toBe('running');
    workers[1]!.answer(2, 'optimizer-high-lr');
    expect(store.getState().outcome?.status).toBe('done');
  });
});
