import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { stepRecord } from '../engine/testing/stepRecord';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { FakeClock } from './livenessFakes';
import { TrainingLink, type RunMessage } from './trainingLink';

/** A worker the test speaks for; `answers` makes it pong every ping, as a live worker does. */
class FakeWorker {
  sent: ToWorker[] = [];
  answers = true;
  busy = true;
  stepMs: number | null = 3;
  terminated = false;
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: ToWorker): void {
    this.sent.push(m);
    if (m.type === 'ping' && this.answers) this.emit({ type: 'pong', runId: 1, seq: m.seq, busy: this.busy, stepMs: this.stepMs });
  }
  terminate(): void {
    this.terminated = true;
    this.answers = false;
  }
  emit(m: FromWorker): void {
    this.onmessage?.({ data: m } as MessageEvent<unknown>);
  }
}

function link(options: { name?: string; wayOut?: string; budget?: () => number } = {}) {
  const clock = new FakeClock();
  const workers: FakeWorker[] = [];
  const heard: RunMessage[] = [];
  const l = new TrainingLink(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    { onMessage: (m) => heard.push(m), onCrash: () => undefined },
    0,
    { ...options, clock },
  );
  l.spawn();
  const worker = workers[0]!;
  l.configure({ ...DEFAULT_SCENARIO }, false);
  l.send({ type: 'play' });
  worker.emit({ type: 'running', runId: 1, running: true, step: 0, why: null });
  worker.emit({ type: 'records', runId: 1, records: [stepRecord(1), stepRecord(2)] });
  return { clock, l, worker, workers, heard };
}

describe('TrainingLink: liveness', () => {
  it('a worker that answers its pings is never declared stopped', () => {
    const { clock, heard } = link();
    clock.advance(60_000);
    expect(heard.map((m) => m.type)).toEqual(['running', 'records']);
  });

  it('a worker killed mid-run: the error and a stop, in words, within a second, and the worker is let go', () => {
    const { clock, worker, heard } = link();
    clock.advance(500); // pings answered: step time 3 ms is known
    worker.terminate(); // the browser's doing: no event reaches the page
    clock.advance(900);
    expect(heard.slice(2)).toEqual([
      {
        type: 'error',
        runId: 1,
        message:
          'The training worker stopped responding: no word from it for 0.8 s while it had work to do (the browser may have stopped it, for instance when it ran out of memory). Press Reset to start a new one.',
      },
      { type: 'running', runId: 1, running: false, step: 2, why: 'error' },
    ]);
    const pings = worker.sent.length;
    clock.advance(10_000);
    expect(worker.sent.length).toBe(pings);
  });

  it('names the worker and the way out it is given (the compare run)', () => {
    const { clock, worker, heard } = link({ name: 'compare', wayOut: 'Press Compare to run it again.' });
    clock.advance(500);
    worker.terminate();
    clock.advance(1000);
    expect(heard.find((m) => m.type === 'error')).toMatchObject({
      message: expect.stringMatching(/^The compare worker stopped responding: .* Press Compare to run it again\.$/),
    });
  });

  it('an idle worker is not pinged; a new worker after spawn is watched afresh', () => {
    const { clock, l, worker, workers } = link();
    worker.busy = false;
    clock.advance(200);
    const sent = worker.sent.length;
    clock.advance(10_000);
    expect(worker.sent.length).toBe(sent);
    l.spawn();
    expect(worker.terminated).toBe(true);
    l.send({ type: 'play' });
    expect(workers[1]!.sent.map((m) => m.type)).toEqual(['play']);
  });
});

describe('TrainingLink: the memory budget', () => {
  it('sends the budget in force with every run it builds, also when a new worker takes a run over', () => {
    let budget = 5e8;
    const { l, workers } = link({ budget: () => budget });
    const configures = (w: FakeWorker) => w.sent.filter((m): m is Extract<ToWorker, { type: 'configure' }> => m.type === 'configure');
    expect(configures(workers[0]!).map((m) => m.budgetBytes)).toEqual([5e8]);
    budget = 2e9;
    l.configure({ ...DEFAULT_SCENARIO }, false);
    l.takeOver({ ...DEFAULT_SCENARIO }, 2, 'auto');
    expect(configures(workers[0]!).map((m) => m.budgetBytes)).toEqual([5e8, 2e9]);
    expect(configures(workers[1]!).map((m) => [m.budgetBytes, m.resume?.toStep])).toEqual([[2e9, 2]]);
  });

  it('sends none without a budget option: the worker then applies its device default', () => {
    const { workers } = link();
    const configure = workers[0]!.sent.find((m) => m.type === 'configure');
    expect(configure && 'budgetBytes' in configure).toBe(false);
  });
});
