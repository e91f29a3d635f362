/**
 * Pause that always answers. The worker reads the message only between steps, and one step can
 * take seconds (a wide model on cpu), so it has PAUSE_GRACE_MS to say it stopped; a healthy worker
 * answers within a tick, with the records of that tick first, so the step it stops at counts every
 * step taken. One that has not answered is inside a step nothing can interrupt: the page shows the
 * run paused, ends that worker there, and a new one carries the run on from its latest checkpoint
 * (the worker sends one at most a second of training behind its records, replayed up to the last
 * of them). The unfinished step is dropped; every finished one stays, in the step counter, the
 * records and the chart alike.
 */
import type { AppStore } from '../state/appState';
import type { LiveRun } from '../state/liveRun';
import type { SetTimer } from './notices';
import type { TrainingLink } from './trainingLink';

/** Well under a second: with the page's own update, Pause still answers within one. */
export const PAUSE_GRACE_MS = 400;

export interface PauseGuardDeps {
  store: AppStore;
  run: LiveRun;
  link: TrainingLink;
  setTimer: SetTimer;
  notify(message: string): void;
}

export class PauseGuard {
  /** The pause awaiting the worker's word (0: none). */
  private waiting = 0;
  private pauses = 0;

  constructor(private readonly deps: PauseGuardDeps) {}

  pause(): void {
    const { store, link, setTimer } = this.deps;
    link.send({ type: 'pause' });
    if (!store.getState().running) return;
    const pause = (this.waiting = ++this.pauses);
    setTimer(() => {
      if (this.waiting === pause) this.takeOver();
    }, PAUSE_GRACE_MS);
  }

  /** The worker said it stopped, or the pause no longer matters (Play again, a new run). */
  settle(): void {
    this.waiting = 0;
  }

  private takeOver(): void {
    this.waiting = 0;
    const { store, run, link, notify } = this.deps;
    run.flush();
    const step = run.step;
    store.setState({ running: false, stopReason: 'paused' });
    const { scenario, speed } = store.getState();
    link.takeOver(scenario, step, speed);
    notify(
      `Paused at step ${step}. Step ${step + 1} was still being computed and cannot be interrupted, so it was dropped; a new worker goes on from step ${step}.`,
    );
  }
}
