/**
 * The training loop behind the worker: it handles the page's messages one after another and drives
 * the trainer in ticks that yield between them, so pause, step and configure are answered promptly;
 * what the ticks produce goes to the page through a RunOutbox. Everything from outside comes in
 * through LoopDeps.
 */
import type { BackendStatus } from '../engine/backend';
import type { BackendName, Scenario } from '../engine/scenario';
import type { Snapshot, Trainer } from '../engine/trainer';
import { describeFailure, failureKind } from '../engine/failureText';
import { DEFAULT_SPEED, type Speed } from '../scenarios/speed';
import { carryInto, snapshotOf } from './carryOver';
import type { LoopDeps } from './loopDeps';
import type { Resume, ToWorker } from './protocol';
import { CheckpointKeeper } from './checkpoints';
import { RunOutbox } from './runOutbox';
import { nextTickDelay, tickPlan } from './tickPlan';
import type { MadeTrainer } from './trainerFactory';

/** Long enough for `device.lost` to resolve after a rejected readback (it comes a task or two later). */
const LOSS_SETTLE_MS = 100;

/** The run's WebGPU device went away under a step: its tensors are gone, the run moves backend. */
class DeviceLost extends Error {
  constructor(
    why: string,
    /** The last step whose record was kept (the one that ended on the lost device is not). */
    readonly keptStep: number,
  ) {
    super(why);
  }
}

interface Run {
  id: number;
  scenario: Scenario;
  trainer: Trainer | null;
  backend: BackendStatus | null;
  /** How long this run's trainer took for its last step (a ping's answer); null before its first. */
  stepMs: number | null;
  /** The memory budget the page set for it (null: the device's default). */
  budgetBytes: number | null;
}

export class TrainingLoop {
  private run: Run | null = null;
  private running = false;
  private stopAt: number | null = null;
  private speed: Speed = DEFAULT_SPEED;
  private readonly outbox: RunOutbox;
  private readonly checkpoints: CheckpointKeeper;
  private tickScheduled = false;
  /** The tick in progress, if any: a WebGPU tick awaits readbacks, and nothing may interleave with it. */
  private tickInProgress: Promise<void> | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** Messages received and not yet handled to the end. */
  private queued = 0;

  constructor(private readonly deps: LoopDeps) {
    this.outbox = new RunOutbox(deps.post, deps.now);
    this.checkpoints = new CheckpointKeeper(deps.post, deps.now);
  }

  /**
   * Handle a message from the page once the earlier ones are done: a `play` that arrives while
   * `configure` is still starting the backend waits for it instead of racing it.
   */
  receive(msg: ToWorker): Promise<void> {
    // A ping is answered at once: a worker awaiting its backend behind a queue is still alive.
    if (msg.type === 'ping') return Promise.resolve(this.answerPing(msg.seq));
    // A test hook, at once: the loss must land in the middle of a run, as a driver reset would.
    if (msg.type === 'loseDevice') return Promise.resolve(void this.deps.loseDevice());
    if (msg.type === 'probeSandbox') {
      return this.deps.probeSandbox(msg.url).then((report) => this.deps.post({ type: 'sandbox', runId: this.run?.id ?? 0, report }));
    }
    this.queued += 1;
    this.queue = this.queue
      .then(() => this.handle(msg))
      .catch((e: unknown) => this.fail(e))
      .finally(() => (this.queued -= 1));
    return this.queue;
  }

  private answerPing(seq: number): void {
    const busy = this.running || this.queued > 0 || this.tickInProgress !== null;
    this.deps.post({ type: 'pong', runId: this.run?.id ?? 0, seq, busy, stepMs: this.run?.stepMs ?? null });
  }

  private async handle(msg: Exclude<ToWorker, { type: 'ping' } | { type: 'loseDevice' } | { type: 'probeSandbox' }>): Promise<void> {
    switch (msg.type) {
      case 'configure':
        return this.configure(msg.runId, msg.scenario, msg.keep, msg.resume, msg.budgetBytes ?? null);
      case 'play':
        this.stopAt = msg.stopAt ?? null;
        if (!this.running) this.start();
        return;
      case 'pause':
        // The records first (some may be held, runOutbox.ts): whoever hears "stopped" has seen its step.
        this.flush(true);
        if (this.running) this.setRunning(false, 'paused');
        return;
      case 'step':
        return this.stepByHand(msg.count);
      case 'reset':
        if (this.run) await this.configure(this.run.id, this.run.scenario, false, undefined, this.run.budgetBytes);
        return;
      case 'setSpeed':
        this.speed = msg.speed;
        return;
      case 'memory':
        this.deps.post({ type: 'memory', runId: this.run?.id ?? 0, requestId: msg.requestId, ...this.deps.memoryInUse() });
        return;
    }
  }

  private start(): void {
    this.setRunning(true, null);
    this.schedule(0);
  }

  private async stepByHand(count: number): Promise<void> {
    if (this.running) this.setRunning(false, 'paused');
    // A WebGPU tick may still be awaiting a step: one step at a time on the trainer.
    await this.tickInProgress;
    const why = await this.takeSteps(count, Number.POSITIVE_INFINITY, () => true, true);
    this.flush(true);
    await this.checkpoint();
    if (why === 'flagged') this.setRunning(false, why);
  }

  private schedule(delayMs: number): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.deps.schedule(delayMs, () => {
      this.tickScheduled = false;
      void this.tick();
    });
  }

  private tick(): Promise<void> {
    if (!this.running || !this.run || this.tickInProgress) return Promise.resolve();
    this.tickInProgress = this.runTick().finally(() => (this.tickInProgress = null));
    return this.tickInProgress;
  }

  private async runTick(): Promise<void> {
    const start = this.deps.now();
    const plan = tickPlan(this.speed);
    try {
      const why = await this.takeSteps(plan.steps, plan.budgetMs, () => this.running);
      if (why === 'replaced') {
        // A tick of the new run may have been skipped while this one awaited: start it now.
        if (this.running) this.schedule(0);
        return;
      }
      // At auto speed the next tick follows at once: the records of a run that goes on may wait to go with the next
      // ticks' (runOutbox.ts). A checkpoint never runs ahead of the page's records.
      this.flush(false, !plan.paced && why === null && this.running && !this.checkpoints.due);
      await this.checkpoint();
      if (why === 'paused' || (why === null && !this.running)) {
        // The pause was announced before this tick's last records: announce it again after them,
        // so the page's "stopped at step N" counts every step taken.
        this.setRunning(false, 'paused');
        return;
      }
      if (why) {
        this.flush(true);
        this.setRunning(false, why);
        return;
      }
    } catch (e) {
      const lost = await this.lostDeviceAfter(e);
      // A step that failed on the lost device did not count; one that returned did, and is dropped.
      if (lost) await this.moveOffLostDevice(lost, e instanceof DeviceLost ? e.keptStep : (this.run?.trainer?.stepIndex ?? 0));
      else this.fail(e);
      return;
    }
    this.schedule(nextTickDelay(plan, start, this.deps.now()));
  }

  /**
   * Take up to `count` steps while `goOn()` holds; returns why it stopped early, or null. `byHand`
   * (the Step button) steps past a flag or the run's end: that is what the person asked for.
   */
  private async takeSteps(count: number, budgetMs: number, goOn: () => boolean, byHand = false): Promise<string | null> {
    const trainer = this.run?.trainer;
    if (!trainer) return 'no model';
    const start = this.deps.now();
    for (let i = 0; i < count; i++) {
      // WebGPU steps await, so a pause can arrive in the middle of a tick.
      if (!goOn()) return 'paused';
      if (trainer.paused && !byHand) return 'flagged';
      if (this.stopAt !== null && trainer.stepIndex >= this.stopAt && !byHand) return 'done';
      // WebGPU: an awaited readback; a configure message may replace the run meanwhile.
      const before = this.deps.now();
      const record = trainer.asyncOnly ? await trainer.stepAsync() : trainer.step();
      if (this.run?.trainer !== trainer) return 'replaced';
      // A step on a lost device may return without an error: its numbers are not to be kept.
      if (this.lostDevice(null)) throw new DeviceLost(this.lostDevice(null)!, record.step - 1);
      const after = this.deps.now();
      this.run.stepMs = after - before;
      this.outbox.add(record);
      if (trainer.paused) return 'flagged';
      if (after - start > budgetMs) break;
    }
    return null;
  }

  /** Why the run's WebGPU device is gone, when `failure` (or nothing) says it is; null otherwise. */
  private lostDevice(failure: unknown): string | null {
    if (this.run?.backend?.active !== 'webgpu') return null;
    if (failure instanceof DeviceLost) return failure.message;
    const why = this.deps.deviceLost();
    if (why) return why;
    return failure !== null && failureKind(failure) === 'deviceLost' ? String(failure instanceof Error ? failure.message : failure) : null;
  }

  /**
   * As lostDevice, for a step that failed: a readback the lost device leaves pending is rejected
   * before `device.lost` is told, so a failing WebGPU step waits LOSS_SETTLE_MS for it.
   */
  private async lostDeviceAfter(failure: unknown): Promise<string | null> {
    if (this.run?.backend?.active !== 'webgpu' || this.lostDevice(failure)) return this.lostDevice(failure);
    await new Promise<void>((resolve) => this.deps.schedule(LOSS_SETTLE_MS, resolve));
    return this.lostDevice(failure);
  }

  /**
   * The WebGPU device is gone, and every tensor with it: the run goes on on wasm (on cpu where wasm
   * cannot start) from the worker's latest checkpoint, replayed to the last step the page has.
   */
  private async moveOffLostDevice(why: string, toStep: number): Promise<void> {
    const run = this.run!;
    this.flush();
    try {
      run.trainer?.dispose();
    } catch {
      // Its buffers went with the device.
    }
    run.trainer = null;
    const status = await this.deps.initBackend('wasm', run.scenario.model);
    if (this.run !== run) return;
    const checkpoint = this.checkpoints.latest;
    const from = checkpoint && checkpoint.step <= toStep ? checkpoint.step : 0;
    const replayed = from < toStep ? ` (its snapshot at step ${from}, replayed to step ${toStep} on ${status.active})` : '';
    run.backend = { ...status, requested: run.scenario.backend, reason: `the WebGPU device was lost (${why}); the run moved to ${status.active}` };
    this.deps.post({ type: 'notice', runId: run.id, message: `WebGPU device lost; continuing on ${status.active} from step ${toStep}${replayed}.` });
    const refusal = this.deps.admit(run.scenario, status.active, run.budgetBytes);
    const made = refusal ? { trainer: null, unsupported: null } : this.deps.makeTrainer(run.scenario, status.active, this.replaying(run.id));
    if (made.trainer) await this.resumeAt(made.trainer, { checkpoint, toStep });
    if (this.run !== run) return made.trainer?.dispose();
    run.trainer = made.trainer;
    this.deps.post({ type: 'backend', runId: run.id, status: run.backend, unsupported: made.unsupported });
    if (refusal) this.deps.post({ type: 'refused', runId: run.id, refusal });
    this.checkpoints.dueNow();
    if (!made.trainer) this.setRunning(false, 'no model');
    else if (this.running) this.schedule(0);
  }

  /** Send the page a checkpoint of the current run if one is due (checkpoints.ts). */
  private async checkpoint(force = false): Promise<void> {
    const run = this.run;
    if (run?.trainer) await this.checkpoints.afterSteps(run.id, run.trainer, force);
  }

  private flush(force = false, hold = false): void {
    if (this.run) this.outbox.flush(this.run.id, this.run.trainer, force, this.run.stepMs, hold);
  }

  private setRunning(next: boolean, why: string | null): void {
    this.running = next;
    const run = this.run;
    if (run) this.deps.post({ type: 'running', runId: run.id, running: next, step: run.trainer?.stepIndex ?? 0, why });
  }

  private fail(e: unknown): void {
    // The stack goes to the console for whoever debugs; the screen gets a sentence in our words.
    console.error(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : e);
    const run = this.run;
    const context = { scenario: run?.scenario ?? null, backend: run?.backend?.active ?? null, step: run?.trainer ? run.trainer.stepIndex + 1 : null };
    this.deps.post({ type: 'error', runId: run?.id ?? 0, message: describeFailure(e, context) });
    this.setRunning(false, 'error');
  }

  /**
   * Build the trainer for `scenario`; `keep` carries the weights and step over and keeps playing;
   * `resume` takes over a run the page already has (a new worker after the old one was ended).
   */
  private async configure(id: number, scenario: Scenario, keep: boolean, resume?: Resume, budgetBytes: number | null = null): Promise<void> {
    const wasRunning = this.running;
    this.running = false;
    this.flush();
    this.outbox.discard();
    const previous = this.run;
    // A run with no model (refused, or not supported here) has nothing to carry over: a fresh one.
    const carry = keep && Boolean(previous?.trainer);
    const carried = carry ? snapshotOf(previous?.trainer) : null;
    if (!carry) this.forgetRun();
    previous?.trainer?.dispose();
    const run: Run = { id, scenario, trainer: null, backend: null, stepMs: null, budgetBytes };
    this.run = run;
    const status = await this.backendFor(previous, scenario);
    run.backend = status;
    const refusal = this.deps.admit(scenario, status.active, budgetBytes);
    if (refusal) {
      // Nothing of the run is allocated: the page shows why, and the nearest scenario that fits.
      carried?.dispose();
      this.deps.post({ type: 'backend', runId: id, status, unsupported: null });
      this.deps.post({ type: 'refused', runId: id, refusal });
      return;
    }
    const made = this.trainerFor(run, status.active, carry, carried);
    run.trainer = made.trainer;
    if (resume && made.trainer) await this.resumeAt(made.trainer, resume);
    this.announce(run, status, made);
    // The page's checkpoint is of the old settings: the next tick sends one of the new.
    if (carry) this.checkpoints.dueNow();
    if (resume) {
      await this.checkpoint(true);
      this.setRunning(false, 'paused');
    } else if (keep && wasRunning) this.start();
  }

  /** A fresh run: its report is new to the page and no stopAt is left over. */
  private forgetRun(): void {
    this.outbox.reportAgain();
    this.checkpoints.forget();
    this.stopAt = null;
  }

  /**
   * From the checkpoint (from step 0 where there is none, or it does not fit), replay to the page's
   * last step. The batches depend on the step alone, so the replay takes the same steps again;
   * their records are not posted, as the page has them.
   */
  private async resumeAt(trainer: Trainer, resume: Resume): Promise<void> {
    try {
      if (resume.checkpoint && resume.checkpoint.step <= resume.toStep) trainer.restoreCheckpoint(resume.checkpoint);
    } catch {
      // Nothing was assigned (the checkpoint is checked first): replay from step 0 instead.
    }
    while (trainer.stepIndex < resume.toStep) {
      if (trainer.asyncOnly) await trainer.stepAsync();
      else trainer.step();
    }
  }

  /** The previous run's backend where the request and model are the same ("auto" picks per model). */
  private async backendFor(previous: Run | null, scenario: Scenario): Promise<BackendStatus> {
    const same = previous?.scenario.backend === scenario.backend && previous.scenario.model === scenario.model;
    if (same && previous.backend) return previous.backend;
    return this.deps.initBackend(scenario.backend, scenario.model);
  }

  /** The page's liveness watch allows a replay after a flag the time of a first step (its kernels compile). */
  private replaying(runId: number): (step: number) => void {
    return (step) => this.deps.post({ type: 'replaying', runId, step });
  }

  private trainerFor(run: Run, backend: BackendName, keep: boolean, carried: Snapshot | null): MadeTrainer {
    const make = () => this.deps.makeTrainer(run.scenario, backend, this.replaying(run.id));
    const made = make();
    // A scenario that cannot run here has nothing to restart: the backend message says why.
    if (!keep || !made.trainer) {
      carried?.dispose();
      return made;
    }
    const kept = carryInto(made, carried, make);
    if (!kept.restored) this.announceRestart(run.id);
    return kept.made;
  }

  private announceRestart(runId: number): void {
    this.outbox.reportAgain();
    this.deps.post({
      type: 'notice',
      runId,
      message: 'The new settings cannot reuse the current weights and optimizer state: training restarted from step 0.',
    });
    this.deps.post({ type: 'restarted', runId });
  }

  /** Backend, parameters and a first preview, so the page can lay out the run before step 1. */
  private announce(run: Run, status: BackendStatus, made: MadeTrainer): void {
    this.deps.post({ type: 'backend', runId: run.id, status, unsupported: made.unsupported });
    if (made.trainer) this.deps.post({ type: 'model', runId: run.id, parameters: made.trainer.parameterNames() });
    this.flush(true);
  }
}
