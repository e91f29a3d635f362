/**
 * Test doubles for the training loop: a scripted trainer (sync, or asyncOnly like WebGPU, whose
 * awaited steps finish only when the test says so), a manual scheduler and a fake clock. The loop
 * sees them through LoopDeps exactly as it sees tfjs and the worker.
 */
import type { BackendStatus } from '../engine/backend';
import type { NonFiniteReport, StepRecord } from '../engine/records';
import type { BackendRequest } from '../engine/scenario';
import type { NetworkView } from '../engine/networkView';
import type { Preview } from '../engine/preview';
import type { Checkpoint } from '../engine/checkpoint';
import type { Snapshot, Trainer } from '../engine/trainer';
import { stepRecord } from '../engine/testing/stepRecord';
import type { LoopDeps } from './loopDeps';
import type { FromWorker } from './protocol';
import { TrainingLoop } from './trainingLoop';

/** How the trainers the loop makes behave; shared by all of them, so a test can change it midway. */
export interface Script {
  asyncOnly: boolean;
  /** Milliseconds of the fake clock one step takes. */
  msPerStep: number;
  /** The step at which the sentinel flags (and the trainer pauses). */
  flagAt: number | null;
  /** The step that throws. */
  throwAt: number | null;
  snapshotFails: boolean;
  restoreFails: boolean;
  /** Why the (fake) WebGPU device was lost, once it was. */
  deviceLost: string | null;
}

export const PARAMETERS = ['dense/kernel', 'dense/bias'];

export const recordAt = (step: number): StepRecord => stepRecord(step);

/** The preview names the step it was drawn at, so a test sees which weights it shows. */
export const previewAt = (step: number): Preview => ({ kind: 'predictions', predictions: [step], targets: [] });

/** The network view's one edge weight is the step it was read at, likewise. */
export const networkAt = (step: number): NetworkView => ({
  columns: [
    { id: 'data', kind: 'input', units: 1, detail: '1 input', unitNames: ['x1'] },
    { id: 'dense', kind: 'dense', units: 1, detail: 'linear', unitNames: [] },
  ],
  edges: [{ from: 1, to: 1, values: [step] }],
  skips: [],
});

const reportAt = (step: number): NonFiniteReport => ({
  quantity: 'loss/value',
  phase: 'loss',
  kind: 'NaN',
  counts: { nan: 1, posInf: 0, negInf: 0 },
  size: 1,
  step,
  lastFiniteMaxAbs: 1,
  cascade: [],
  backend: 'cpu',
  precision: 'float32',
  growth: [],
});

export class FakeSnapshot implements Snapshot {
  disposed = false;
  constructor(readonly step: number) {}
  dispose(): void {
    this.disposed = true;
  }
}

export class FakeTrainer implements Trainer {
  stepIndex = 0;
  report: NonFiniteReport | null = null;
  paused = false;
  disposed = false;
  snapshots: FakeSnapshot[] = [];
  /** Steps awaited at the same time, at most: the loop must never run two on one trainer. */
  maxInFlight = 0;
  private awaited: (() => void)[] = [];

  constructor(
    private readonly script: Script,
    private readonly clock: { now: number },
  ) {}

  get asyncOnly(): boolean {
    return this.script.asyncOnly;
  }

  step(): StepRecord {
    if (this.asyncOnly) throw new Error('step() on an asyncOnly trainer');
    return this.advance();
  }

  stepAsync(): Promise<StepRecord> {
    return new Promise((resolve, reject) => {
      this.awaited.push(() => {
        try {
          resolve(this.advance());
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      this.maxInFlight = Math.max(this.maxInFlight, this.awaited.length);
    });
  }

  /** Let the oldest awaited step read back. */
  finishStep(): void {
    const next = this.awaited.shift();
    if (!next) throw new Error('no step is awaited');
    next();
  }

  get stepsAwaited(): number {
    return this.awaited.length;
  }

  private advance(): StepRecord {
    const step = this.stepIndex + 1;
    if (this.script.throwAt === step) throw new Error(`step ${step} failed`);
    this.clock.now += this.script.msPerStep;
    this.stepIndex = step;
    if (this.script.flagAt === step) {
      this.report = reportAt(step);
      this.paused = true;
    }
    return recordAt(step);
  }

  run(n: number): StepRecord[] {
    return Array.from({ length: n }, () => this.step());
  }

  async runAsync(n: number): Promise<StepRecord[]> {
    const out: StepRecord[] = [];
    for (let i = 0; i < n; i++) out.push(await this.stepAsync());
    return out;
  }

  snapshot(): Snapshot {
    if (this.script.snapshotFails) throw new Error('snapshot failed');
    const snap = new FakeSnapshot(this.stepIndex);
    this.snapshots.push(snap);
    return snap;
  }

  restore(s: Snapshot): void {
    if (this.script.restoreFails) throw new Error('shapes differ');
    this.stepIndex = s.step;
  }

  /** The fake state is the step alone: a checkpoint holds no tensors. */
  checkpoint(): Promise<Checkpoint> {
    return Promise.resolve({ step: this.stepIndex, tensors: [], report: this.report, paused: this.paused });
  }

  restoreCheckpoint(c: Checkpoint): void {
    if (this.script.restoreFails) throw new Error('shapes differ');
    this.stepIndex = c.step;
    this.report = c.report;
    this.paused = c.paused;
  }

  dispose(): void {
    this.disposed = true;
  }

  preview(): Preview {
    if (this.asyncOnly) throw new Error('preview() on an asyncOnly trainer');
    return previewAt(this.stepIndex);
  }

  previewAsync(): Promise<Preview> {
    return Promise.resolve(previewAt(this.stepIndex));
  }

  networkFlow() {
    const step = this.stepIndex;
    // Nothing to read back: the flow finishes at its first next(), as a model without dense layers' does.
    return (function* () {
      yield* [];
      return networkAt(step);
    })();
  }

  parameterNames(): string[] {
    return [...PARAMETERS];
  }

  layerNames(): string[] {
    return ['dense'];
  }
}

export const statusFor = (requested: BackendRequest): BackendStatus => ({
  requested,
  active: requested === 'auto' ? 'cpu' : requested,
  reason: null,
  quirks: [],
});

/** Lets every pending promise callback run (a macrotask comes after all of them). */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A loop wired to fakes, and what it did. */
export function loopHarness() {
  const posted: FromWorker[] = [];
  const checkpoints: string[] = [];
  const scheduled: { delayMs: number; cb: () => void }[] = [];
  const clock = { now: 1000 };
  const trainers: FakeTrainer[] = [];
  const backendsStarted: string[] = [];
  /** The backend each trainer was made for, in order. */
  const trainerBackends: string[] = [];
  const script: Script = { asyncOnly: false, msPerStep: 0, flagAt: null, throwAt: null, snapshotFails: false, restoreFails: false, deviceLost: null };
  const deps: LoopDeps = {
    post: (m) => posted.push(m),
    schedule: (delayMs, cb) => scheduled.push({ delayMs, cb }),
    now: () => clock.now,
    initBackend: (requested, model) => {
      backendsStarted.push(`${requested}/${model}`);
      return Promise.resolve(statusFor(requested));
    },
    admit: () => null,
    makeTrainer: (_scenario, backend) => {
      trainerBackends.push(backend);
      const trainer = new FakeTrainer(script, clock);
      trainers.push(trainer);
      return { trainer, unsupported: null };
    },
    memoryInUse: () => ({ numTensors: 7, numBytes: 28 }),
    deviceLost: () => script.deviceLost,
    loseDevice: () => {
      script.deviceLost = 'destroyed';
      return true;
    },
    probeSandbox: (url) => Promise.resolve({ eval: 'refused (EvalError)', fetch: `refused by the policy's connect-src (${url})` }),
  };
  const loop = new TrainingLoop(deps);
  return {
    loop,
    deps,
    posted,
    scheduled,
    clock,
    trainers,
    backendsStarted,
    trainerBackends,
    script,
    /** The trainer made last. */
    trainer(): FakeTrainer {
      const t = trainers[trainers.length - 1];
      if (!t) throw new Error('no trainer was made');
      return t;
    },
    /** Run the tick scheduled first, and let it finish as far as it can. */
    async tick(): Promise<void> {
      const next = scheduled.shift();
      if (!next) throw new Error('no tick is scheduled');
      next.cb();
      await settle();
    },
    /** The messages posted since the last call, each in one line (see brief); checkpoints are told by checkpoints(). */
    take(): string[] {
      const all = posted.splice(0);
      checkpoints.push(...all.filter((m) => m.type === 'checkpoint').map(brief));
      return all.filter((m) => m.type !== 'checkpoint').map(brief);
    },
    /** The checkpoints posted up to the last take(), and since then, each once. */
    checkpoints(): string[] {
      const since = posted.filter((m) => m.type === 'checkpoint').map(brief);
      const out = [...checkpoints, ...since];
      checkpoints.length = 0;
      posted.splice(0, posted.length, ...posted.filter((m) => m.type !== 'checkpoint'));
      return out;
    },
  };
}

/** A message in one line that names every field a test checks; records by their steps. */
export function brief(m: FromWorker): string {
  switch (m.type) {
    case 'backend':
      return `backend#${m.runId} ${m.status.active} unsupported=${m.unsupported}`;
    case 'model':
      return `model#${m.runId} ${m.parameters.join(',')}`;
    case 'records':
      return `records#${m.runId} ${m.records.map((r) => r.step).join(',')}`;
    case 'replaying':
      return `replaying#${m.runId} step ${m.step}`;
    case 'report':
      return `report#${m.runId} step ${m.report.step}`;
    case 'preview':
      return `preview#${m.runId} at ${m.preview.kind === 'predictions' ? m.preview.predictions.join(',') : m.preview.kind}`;
    case 'running':
      return `running#${m.runId} ${m.running} step ${m.step} why ${m.why}`;
    case 'error':
      return `error#${m.runId} ${m.message}`;
    case 'checkpoint':
      return `checkpoint#${m.runId} at ${m.checkpoint.step}${m.checkpoint.paused ? ' paused' : ''}`;
    case 'refused':
      return `refused#${m.runId} ${m.refusal.fields.join(',')}: ${m.refusal.message}`;
    case 'restarted':
      return `restarted#${m.runId}`;
    case 'notice':
      return `notice#${m.runId} ${m.message}`;
    case 'memory':
      return `memory#${m.runId} request ${m.requestId}: ${m.numTensors} tensors, ${m.numBytes} bytes`;
    case 'sandbox':
      return `sandbox#${m.runId} eval ${m.report.eval}; fetch ${m.report.fetch}`;
    case 'pong':
      return `pong#${m.runId} ${m.seq} busy=${m.busy} stepMs=${m.stepMs}`;
  }
}
