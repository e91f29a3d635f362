/**
 * One playground session: the training worker's protocol and the user's actions. Run data goes
 * to the live feeds (state/liveRun.ts), screen state to the store; the decisions about the address
 * bar and the model live in state/scenarioChange.ts. Everything the browser provides is injected
 * (controllerDeps.ts), so each decision has a unit test.
 */
import type { Scenario } from '../engine/scenario';
import type { Speed } from '../scenarios/speed';
import type { AppStore } from '../state/appState';
import { budgetBytes, storedBudget } from '../state/budgetSetting';
import type { ClassroomView } from '../state/classroom';
import { LiveRun } from '../state/liveRun';
import { modelResetNotice, planScenarioChange } from '../state/scenarioChange';
import { decidePlay } from '../state/playPolicy';
import { readLocation } from '../state/urlSync';
import { writeAddress } from './addressBar';
import { CompareRunner, compareSteps } from './compareRunner';
import type { ControllerDeps } from './controllerDeps';
import { showNotice } from './notices';
import { OutcomeRunner } from './outcomeRunner';
import { PauseGuard } from './pauseGuard';
import { applyRunMessage } from './runMessages';
import { TrainingLink } from './trainingLink';

export class PlaygroundController {
  /** The main run's feed. */
  readonly run: LiveRun;
  readonly compare: CompareRunner;
  readonly outcomes: OutcomeRunner;
  /** The main run's worker (tests ask it for its tensor count). */
  readonly link: TrainingLink;
  private readonly pauses: PauseGuard;

  constructor(
    readonly store: AppStore,
    private readonly deps: ControllerDeps,
  ) {
    const feed = { schedule: deps.schedule, now: deps.now, wait: (ms: number, callback: () => void) => void deps.setTimer(callback, ms) };
    this.run = new LiveRun({ ...feed, onWarnings: (w) => this.store.setState((s) => ({ warnings: [...s.warnings, ...w].slice(-20) })) });
    this.compare = new CompareRunner(store, deps.makeWorker, feed);
    this.outcomes = new OutcomeRunner(store, deps.makeOutcomeWorker);
    this.link = new TrainingLink(
      deps.makeWorker,
      {
        onMessage: (m) => {
          if (m.type === 'running' && !m.running) this.pauses.settle();
          applyRunMessage(m, { store, run: this.run, notify: (text) => this.notify(text), clearRun: () => this.clearRun() });
        },
        onCrash: (why) => this.store.setState({ error: `The training worker stopped: ${why}`, running: false }),
      },
      0,
      { budget: () => budgetBytes(store.getState().budget) },
    );
    this.pauses = new PauseGuard({ store, run: this.run, link: this.link, setTimer: deps.setTimer, notify: (text) => this.notify(text) });
  }

  start(autoplay: boolean): void {
    this.spawn();
    this.configure(false);
    if (autoplay) this.play();
    this.outcomes.show(this.store.getState().preset);
  }

  private spawn(): void {
    this.link.spawn();
    this.link.send({ type: 'setSpeed', speed: this.store.getState().speed });
  }

  /** Forget the run's data on this side, keeping the worker as it is. */
  private clearRun(): void {
    this.run.clear();
    this.store.setState({ report: null, warnings: [], stopReason: null, preview: null, network: null, continued: false });
  }

  private configure(keep: boolean): void {
    this.pauses.settle();
    this.store.setState({ refusal: null });
    if (!keep) {
      this.clearRun();
      this.store.setState({ running: false });
    }
    this.link.configure(this.store.getState().scenario, keep);
  }

  /** Play up to Steps (playPolicy.ts decides); `continueRun`: train on past them from now on. */
  play(continueRun = false): void {
    this.pauses.settle();
    if (continueRun) this.store.setState({ continued: true });
    const decision = decidePlay(this.store.getState(), this.run.step);
    if (decision && 'notice' in decision) this.notify(decision.notice);
    else if (decision) this.link.send({ type: 'play', ...decision.play });
  }

  /** Shown at once; a worker that does not stop within a moment is ended and the run goes on in a new one (pauseGuard.ts). */
  pause(): void {
    this.pauses.pause();
  }

  toggle(): void {
    if (this.store.getState().running) this.pause();
    else this.play();
  }

  stepOnce(): void {
    this.link.send({ type: 'step', count: 1 });
  }

  /** A fresh model for the same scenario; after a worker error, a fresh worker too (and the preset's outcome asked again). */
  reset(): void {
    if (this.store.getState().error) {
      this.store.setState({ error: null, backend: null });
      this.spawn();
    }
    this.configure(false);
    this.outcomes.retry();
  }

  /** A new speed applies at the next tick and stays in the link (replaced, not pushed). */
  setSpeed(speed: Speed): void {
    this.store.setState({ speed });
    this.link.send({ type: 'setSpeed', speed });
    writeAddress(this.deps, this.store.getState(), 'replace');
  }

  /** Enter classroom mode with `view`, or leave it (null); Back returns to the view before. */
  setClassroom(view: ClassroomView | null): void {
    this.store.setState({ classroom: view });
    writeAddress(this.deps, this.store.getState(), 'push');
  }

  /** A new memory budget (null: the device's default), kept in this browser; the run is built again against it. */
  setBudget(chosen: number | null): void {
    this.store.setState((s) => ({ budget: { ...s.budget, chosen } }));
    this.deps.storeBudget?.(storedBudget(chosen));
    this.configure(false);
  }

  setSmoothing(smoothing: number): void {
    this.run.setSmoothing(smoothing);
    this.store.setState({ smoothing });
  }

  notify(message: string): void {
    showNotice(this.store, this.deps.setTimer, message);
  }

  /** Change the scenario: what it does to the URL and the model is planScenarioChange's call. */
  setScenario(next: Scenario, options: { push?: boolean; fromHistory?: boolean; preset?: string | null } = {}): void {
    const s = this.store.getState();
    // Opening anything from the start screen is a new page of history, like a new preset.
    const presetChanged = (options.preset !== undefined && options.preset !== s.preset) || s.start;
    this.store.setState(options.preset !== undefined ? { preset: options.preset, start: false } : { start: false });
    if (presetChanged) this.outcomes.show(options.preset ?? null);
    const plan = planScenarioChange(s.scenario, next, { presetChanged, push: options.push, fromHistory: options.fromHistory });
    if (!plan) return;
    this.store.setState({ scenario: next });
    if (plan.url !== 'none') this.writeAddressSoon(plan.url);
    if (plan.model === 'rebuild') {
      this.notify(modelResetNotice(plan.structural));
      this.compare.clear();
      this.configure(false);
    } else if (plan.model === 'live') {
      this.configure(true);
    }
  }

  /**
   * The address bar follows a scenario change in a task of its own, as the store stood at the change. Why: the store's
   * update renders at the end of this task, and pushState with the link's encoding took 2–15 ms more of it on a slow
   * two-core machine, enough to carry an import or a control change over the 50 ms long-task line.
   */
  private writeAddressSoon(mode: 'push' | 'replace'): void {
    const state = this.store.getState();
    this.deps.setTimer(() => writeAddress(this.deps, state, mode), 0);
  }

  /** Back/Forward: the address bar already changed; follow it without writing it again. */
  followLocation(): void {
    const decoded = readLocation(this.deps.location.search);
    this.setScenario(decoded.scenario, { fromHistory: true, preset: decoded.preset });
    this.store.setState({ rejected: decoded.rejected, start: decoded.start });
  }

  /** Run the scenario with a fix in a second worker and overlay its loss curve. */
  compareWith(fixed: Scenario, label: string): void {
    this.compare.start(fixed, label, compareSteps(this.store.getState().scenario.steps, this.run.step));
  }
}
