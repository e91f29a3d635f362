/**
 * The trainer: one scenario, its data on device, its model and optimizer; step() runs forward,
 * loss, backward, clipping and update, with the sentinel watching every quantity, and returns a
 * plain record read back in ONE readback (stepAsync on WebGPU, see readback.ts). Deterministic: init, data and batch order come from the
 * seed, and the batch for step t depends only on t (so a replay from a snapshot repeats it exactly).
 */
import * as tf from '@tensorflow/tfjs';
import { prepareDataset } from './data/preprocess';
import type { Dataset } from './data/tabular';
import { buildModel, type Model, type NamedVariable } from './models';
import { createOptimizer, type Optimizer } from './optimizers';
import { makeRounder, roundNumber, roundTensor, type Rounder } from './precision';
import type { NonFiniteReport, StepRecord } from './records';
import { BatchOrder } from './batchOrder';
import type { Scenario } from './scenario';
import { StepWatch, type CheckPlace, type WatchMode } from './sentinel';
import { checkPlace } from './checkPlace';
import { RunVerdict, type ReplaySteps } from './runVerdict';
import { launchStep, type StepParts } from './stepMath';
import { StepLayout } from './stepLayout';
import { driveAsync, driveSync, needsAsyncReadback, type Flow } from './readback';
import { previewFlow, type Preview } from './preview';
import { registerCpuKernels } from './kernels/cpuKernels';
import type { Snapshot, Trainer, TrainerOptions } from './trainerTypes';
import { HeldOutLoss } from './heldOutLoss';
import { hostSumOrder, type SumOrder } from './hostNorms';
import { WeightSquares } from './weightSquares';
import { KeptByData } from './keptByData';
import { networkViewFlow, type NetworkView } from './networkFlow';
import { readCheckpoint, uploadCheckpoint, type Checkpoint } from './checkpoint';
import { denseTrainerFor } from './dense/denseTrainerFor';

// On import, not in initBackend alone: the CLI, the runs and the tests pick the cpu backend with
// tf.setBackend('cpu') directly, and every path that trains imports this file. Registering is
// idempotent and keyed by backend name, so it holds for any later setBackend('cpu').
registerCpuKernels();

export type { Snapshot, Trainer, TrainerOptions } from './trainerTypes';

interface SnapshotData extends Snapshot {
  tensors: tf.Tensor[];
  disposed: boolean;
}

/** Why this scenario cannot train on this backend, or null if it can (today no reason depends on the backend). */
export function unsupportedReason(s: Scenario, _backend: string): string | null {
  if (s.model === 'unet' && s.dataset !== 'shapes') return 'The U-Net trains on images: choose the "shapes" data set.';
  if (s.model !== 'unet' && s.dataset === 'shapes') return 'The "shapes" images are for the U-Net only.';
  if (s.seed === 0) return 'The seed must not be 0 (tfjs treats seed 0 as unseeded).';
  return null;
}

/** A trainer for the scenario on the tfjs backend that is active now (see initBackend). */
export function createTrainer(scenario: Scenario, options: TrainerOptions = {}): Trainer {
  const choice = denseTrainerFor(scenario, options, tf.getBackend());
  return 'dense' in choice ? choice.dense : new ScenarioTrainer(scenario, choice.fallback);
}

class ScenarioTrainer implements Trainer {
  private readonly s: Scenario;
  private readonly data: Dataset;
  private readonly model: Model;
  /** Where each number of a step's readback lies: the parameters are fixed, so it is built once. */
  private readonly layout: StepLayout;
  private readonly optimizer: Optimizer;
  private readonly round: Rounder;
  private readonly x: tf.Tensor;
  private readonly y: tf.Tensor;
  private readonly heldOut: HeldOutLoss | null;
  private readonly snapshotEvery: number;
  private readonly backend = tf.getBackend();
  /** The sentinel's on-device snapshots, oldest first (at most two, so a replay can start ≥ 2 steps back). */
  private snapshots: SnapshotData[];
  private readonly dataFinite: boolean;
  /** Where the sentinel checks values (sentinel.ts CheckPlace): cpu and wasm keep tensors in JS/wasm memory, small GPU steps gather theirs. */
  private readonly checks: CheckPlace;
  /** With JS checks: the record's sums of squares in JS too, in the backend's order (hostNorms.ts; cpu's where gathered). */
  private readonly hostNorms: SumOrder | null;
  private readonly weightSquares = new WeightSquares();
  private readonly lastWeights = new KeptByData<Float32Array>();
  private readonly batches: BatchOrder;
  private index = 0;
  private readonly verdict: RunVerdict;
  private readonly replaySteps: ReplaySteps = {
    snapshots: () => this.snapshots,
    restoreTo: (sn) => this.restoreState(sn as SnapshotData),
    runStep: (mode) => this.runStep(mode),
    stepIndex: () => this.index,
  };

  constructor(scenario: Scenario, options: TrainerOptions) {
    const why = unsupportedReason(scenario, this.backend);
    if (why) throw new Error(why);
    this.s = { ...scenario, hidden: [...scenario.hidden] };
    this.snapshotEvery = Math.max(1, options.snapshotEvery ?? 20);
    this.verdict = RunVerdict.of(this.s, options, this.backend, this.snapshotEvery);
    this.data = options.dataset ?? prepareDataset(this.s);
    this.model = buildModel(this.s, this.data);
    this.batches = new BatchOrder(this.s.seed, this.data.rows, this.s.batchSize);
    this.layout = new StepLayout(this.model.params.map((p) => p.name));
    this.optimizer = createOptimizer(this.s, this.model.params);
    this.round = makeRounder(this.s.precision);
    this.x = this.upload(this.data.x.values, this.data.x.shape);
    this.y = this.upload(this.data.y.values, this.data.y.shape);
    this.heldOut = HeldOutLoss.of(this.s, this.data, options.heldOutEvery);
    this.checks = checkPlace(this.s, this.backend, options);
    this.hostNorms = this.checks === 'device' ? null : (hostSumOrder(this.backend) ?? 'float64');
    // Checked on the host values (rounded as on upload) so that no backend needs a readback here.
    const finite = (vs: Float64Array): boolean => vs.every((v) => Number.isFinite(roundNumber(v, this.s.precision)));
    this.dataFinite = finite(this.data.x.values) && finite(this.data.y.values);
    this.snapshots = [this.takeSnapshot()];
  }

  /** Data are stored in the simulated precision once, at upload. */
  private upload(values: Float64Array, shape: number[]): tf.Tensor {
    return tf.tidy(() => roundTensor(tf.tensor(Float32Array.from(values), shape, 'float32'), this.s.precision).clone());
  }

  get stepIndex(): number {
    return this.index;
  }
  get report(): NonFiniteReport | null {
    return this.verdict.report;
  }
  get paused(): boolean {
    return this.verdict.paused;
  }

  parameterNames(): string[] {
    return this.model.params.map((p) => p.name);
  }
  layerNames(): string[] {
    return [...this.model.layers];
  }

  private stateVariables(): NamedVariable[] {
    return [...this.model.params, ...this.optimizer.state];
  }

  /** One step in the given watch mode; advances stepIndex. */
  private *runStep(mode: WatchMode): Flow<StepParts> {
    const t = this.index + 1;
    const watch = new StepWatch(mode, this.dataFinite, this.checks);
    try {
      const launched = launchStep({
        t,
        s: this.s,
        model: this.model,
        optimizer: this.optimizer,
        round: this.round,
        watch,
        layout: this.layout,
        x: this.x,
        y: this.y,
        rows: this.batches.rowsFor(t),
        lossEps: roundNumber(this.s.lossEps, this.s.precision),
        checkSecondMoments: this.secondMomentsDue(t),
        hostNorms: this.hostNorms,
        gather: this.checks === 'gathered',
        weightSquares: this.weightSquares,
        lastWeights: this.lastWeights,
      });
      const parts = launched.finish(yield launched.readback);
      this.index = t;
      return parts;
    } finally {
      watch.dispose();
    }
  }

  /**
   * In float32 a second moment v = β2·v + (1−β2)·g² (β2 < 1) can only overflow when some g² does,
   * and then that gradient's sum of squares is +Inf and the fast flag trips in the same step; NaN in
   * v comes from NaN in g or m, which trip it too. So in float32 v is checked on its own only at the
   * steps that keep a snapshot (a replay must start from a clean one); non-finite v is sticky
   * (β2·Inf = Inf), so even an overflow that rounding alone caused is found there and replayed to its
   * exact step. In float16 and bfloat16, rounding v overflows while g² is finite in float32: every step.
   */
  private secondMomentsDue(t: number): boolean {
    return this.s.precision !== 'float32' || t % this.snapshotEvery === 0;
  }

  private keepSnapshot(): void {
    this.snapshots.push(this.takeSnapshot());
    while (this.snapshots.length > 2) this.disposeSnapshot(this.snapshots.shift()!);
  }

  get asyncOnly(): boolean {
    return needsAsyncReadback(this.backend);
  }

  private syncOnly(what: string): void {
    if (this.asyncOnly) throw new Error(`${what}() cannot read back synchronously on ${this.backend}: use ${what}Async()`);
  }

  step(): StepRecord {
    this.syncOnly('step');
    return driveSync(this.stepFlow());
  }

  stepAsync(): Promise<StepRecord> {
    return driveAsync(this.stepFlow());
  }

  private *stepFlow(): Flow<StepRecord> {
    const parts = yield* this.runStep(this.verdict.watchMode);
    yield* this.verdict.judge(parts, this.replaySteps);
    const { record } = parts;
    if (this.heldOut?.due(record.step)) record.heldOutLoss = yield* this.heldOut.loss(this.model, this.round);
    if (this.verdict.close(parts, this.index)) this.keepSnapshot();
    return record;
  }

  run(n: number): StepRecord[] {
    const out: StepRecord[] = [];
    for (let i = 0; i < n && !this.verdict.paused; i++) out.push(this.step());
    return out;
  }

  async runAsync(n: number): Promise<StepRecord[]> {
    const out: StepRecord[] = [];
    for (let i = 0; i < n && !this.verdict.paused; i++) out.push(await this.stepAsync());
    return out;
  }

  private takeSnapshot(): SnapshotData {
    const tensors = this.stateVariables().map((v) => tf.keep(tf.clone(v.variable)));
    const snap: SnapshotData = { step: this.index, tensors, disposed: false, dispose: () => this.disposeSnapshot(snap) };
    return snap;
  }

  private disposeSnapshot(s: SnapshotData): void {
    if (s.disposed) return;
    s.disposed = true;
    tf.dispose(s.tensors);
  }

  snapshot(): Snapshot {
    return this.takeSnapshot();
  }

  restore(snapshot: Snapshot): void {
    this.restoreState(snapshot as SnapshotData);
    // The sentinel must replay from a point at or before the current step.
    this.snapshots.forEach((sn) => this.disposeSnapshot(sn));
    this.snapshots = [this.takeSnapshot()];
  }

  checkpoint(): Promise<Checkpoint> {
    const variables = this.stateVariables().map((v) => v.variable);
    return readCheckpoint(this.index, variables, { report: this.verdict.report, paused: this.verdict.paused }, this.asyncOnly);
  }

  restoreCheckpoint(c: Checkpoint): void {
    const tensors = uploadCheckpoint(
      c,
      this.stateVariables().map((v) => v.variable),
    );
    const snap: SnapshotData = { step: c.step, tensors, disposed: false, dispose: () => this.disposeSnapshot(snap) };
    this.restore(snap);
    snap.dispose();
    this.verdict.restore(c.report, c.paused);
  }

  private restoreState(s: SnapshotData): void {
    if (s.disposed) throw new Error('this snapshot was disposed');
    this.stateVariables().forEach((v, i) => v.variable.assign(s.tensors[i]!));
    this.index = s.step;
    this.verdict.rewound(s.step);
  }

  preview(): Preview {
    this.syncOnly('preview');
    return driveSync(previewFlow(this.s, this.model, this.data, this.x, this.y, this.round));
  }

  previewAsync(): Promise<Preview> {
    return driveAsync(previewFlow(this.s, this.model, this.data, this.x, this.y, this.round));
  }

  networkFlow(): Flow<NetworkView> {
    return networkViewFlow(this.s, this.model, this.data);
  }

  dispose(): void {
    this.snapshots.forEach((sn) => this.disposeSnapshot(sn));
    this.model.params.forEach((p) => p.variable.dispose());
    this.optimizer.dispose();
    this.x.dispose();
    this.y.dispose();
    this.heldOut?.dispose();
    this.weightSquares.dispose();
  }
}
