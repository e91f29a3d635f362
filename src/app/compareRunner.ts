/**
 * "Compare": a second worker re-runs the scenario with a suggested fix while the main run stays as
 * it is, so both loss curves can be overlaid. It is one more live run: its own worker (the main
 * run's model and backend are untouched) and its own feed, drawn beside the main one.
 */
import type { Scenario } from '../engine/scenario';
import type { AppStore, CompareRun } from '../state/appState';
import { budgetBytes } from '../state/budgetSetting';
import { LiveRun, type LiveRunOptions } from '../state/liveRun';
import { browserClock, type LivenessClock } from './liveness';
import { TrainingLink, type RunMessage } from './trainingLink';

const COMPARE_STEPS_PER_TICK = 25;
/** Compare runs stop after this many steps at most, however long the main run is. */
const COMPARE_MAX_STEPS = 5000;
/** Fewer steps than this would not show whether a fix holds. */
const COMPARE_MIN_STEPS = 50;

/** How far a compare run goes: as far as the scenario's steps or the main run, whichever is further. */
export function compareSteps(scenarioSteps: number, mainStep: number): number {
  return Math.min(COMPARE_MAX_STEPS, Math.max(scenarioSteps, mainStep, COMPARE_MIN_STEPS));
}
/** Compare runs take ids of their own, so a reply can never be mistaken for the main run's. */
const FIRST_RUN_ID = 1000;

export class CompareRunner {
  readonly run: LiveRun;
  private readonly link: TrainingLink;

  constructor(
    private readonly store: AppStore,
    makeWorker: () => Worker,
    feed: LiveRunOptions,
    clock: LivenessClock = browserClock,
  ) {
    this.run = new LiveRun(feed);
    const handlers = { onMessage: (m: RunMessage) => this.onMessage(m), onCrash: (why: string) => this.finish('error', why) };
    this.link = new TrainingLink(makeWorker, handlers, FIRST_RUN_ID, {
      name: 'compare',
      wayOut: 'Press Compare to run it again.',
      clock,
      budget: () => budgetBytes(store.getState().budget),
    });
  }

  start(scenario: Scenario, label: string, steps: number): void {
    this.run.clear();
    this.store.setState({ compare: { label, scenario, status: 'running', message: null } });
    this.link.spawn();
    // Compare runs to the end: pausing on a flag would hide whether the fix holds later on.
    this.link.configure({ ...scenario, continueOnFlag: true }, false);
    this.link.send({ type: 'setSpeed', speed: COMPARE_STEPS_PER_TICK });
    this.link.send({ type: 'play', stopAt: steps });
  }

  private onMessage(m: RunMessage): void {
    if (m.type === 'records') this.run.push(m.records);
    else if (m.type === 'backend') this.store.setState((s) => (s.compare ? { compare: { ...s.compare, backend: m.status } } : {}));
    else if (m.type === 'running' && !m.running)
      this.finish(m.why === 'error' ? 'error' : 'done', m.why === 'flagged' ? 'the fixed run was flagged too' : null);
    else if (m.type === 'error') this.finish('error', m.message);
    else if (m.type === 'refused') this.finish('error', `not started: ${m.refusal.message}`);
  }

  private finish(status: CompareRun['status'], message: string | null): void {
    // A worker error arrives as 'error' and then 'running: false': the first one says why.
    if (this.store.getState().compare?.status !== 'running') return;
    this.run.flush();
    this.store.setState((s) => (s.compare ? { compare: { ...s.compare, status, message } } : {}));
    this.link.terminate();
  }

  stop(): void {
    this.link.terminate();
  }

  /** Terminate the compare worker as the browser would, unannounced (test hooks only). */
  killWorker(): void {
    this.link.killWorker();
  }

  clear(): void {
    this.stop();
    this.run.clear();
    this.store.setState({ compare: null });
  }
}
