/**
 * The dense fast path's trainer: the Trainer of trainer.ts for a dense model on the cpu backend,
 * with every step run by DenseStep on Float32Arrays instead of tfjs ops. The sentinel's control
 * flow is trainer.ts's, from the same module (runVerdict.ts: fast flags, replay from the same
 * snapshots, strict after a false alarm, warnings), so records and reports are the tfjs cpu
 * trainer's bit for bit.
 * A tfjs copy of the model is kept for what the page reads rarely (previews, the network diagram,
 * checkpoints): the flat weights are written into it first, and its answer is the tfjs trainer's.
 */
import * as tf from '@tensorflow/tfjs';
import { BatchOrder } from '../batchOrder';
import { readCheckpoint, uploadCheckpoint, type Checkpoint } from '../checkpoint';
import type { Dataset } from '../data/tabular';
import { HELD_OUT_EVERY, HeldOutLoss } from '../heldOutLoss';
import { buildModel, type Model } from '../models';
import { networkViewFlow, type NetworkView } from '../networkFlow';
import { createOptimizer, type Optimizer } from '../optimizers';
import { makeRounder, roundNumber, roundTensor, type Rounder } from '../precision';
import { previewFlow, type Preview } from '../preview';
import { driveSync, hostFlow, type Flow } from '../readback';
import type { NonFiniteReport, StepRecord } from '../records';
import type { Scenario } from '../scenario';
import { RunVerdict, type ReplaySteps } from '../runVerdict';
import type { StepParts } from '../stepMath';
import type { Snapshot, Trainer, TrainerOptions } from '../trainerTypes';
import { DenseStep } from './denseStep';

interface FlatSnapshot extends Snapshot {
  readonly values: Float32Array[];
}

/** A dense scenario's trainer on flat arrays (eligibility.ts says which scenarios). */
export class DenseTrainer implements Trainer {
  readonly asyncOnly = false;
  private readonly s: Scenario;
  private readonly snapshotEvery: number;
  /** Steps between held-out losses; 0 where nothing is held out. */
  private readonly heldOutEvery: number;
  private readonly net: DenseStep;
  private readonly dataFinite: boolean;
  private readonly backend = tf.getBackend();
  /** The tfjs copy for previews, the network view and checkpoints (written from the flat state before each use). */
  private readonly model: Model;
  private readonly optimizer: Optimizer;
  private readonly x: tf.Tensor;
  private readonly y: tf.Tensor;
  private readonly round: Rounder;
  private snapshots: FlatSnapshot[];
  private readonly batches: BatchOrder;
  private index = 0;
  private readonly verdict: RunVerdict;
  /** The replay's steps: the same as trainer.ts's, run on the flat arrays (a flow that never reads back). */
  private readonly replaySteps: ReplaySteps = {
    snapshots: () => this.snapshots,
    restoreTo: (sn) => this.restoreState(sn as FlatSnapshot),
    runStep: (mode) => hostFlow(() => this.runStep(mode)),
    stepIndex: () => this.index,
  };

  constructor(
    scenario: Scenario,
    private readonly data: Dataset,
    options: TrainerOptions,
  ) {
    this.s = { ...scenario, hidden: [...scenario.hidden] };
    this.snapshotEvery = Math.max(1, options.snapshotEvery ?? 20);
    this.verdict = RunVerdict.of(this.s, options, this.backend, this.snapshotEvery);
    this.model = buildModel(this.s, data);
    this.batches = new BatchOrder(this.s.seed, data.rows, this.s.batchSize);
    this.optimizer = createOptimizer(this.s, this.model.params);
    const rows = HeldOutLoss.rowsOf(this.s, data, options.heldOutEvery);
    this.heldOutEvery = rows ? (options.heldOutEvery ?? HELD_OUT_EVERY) : 0;
    this.net = new DenseStep(this.s, this.model, data, rows);
    const upload = (b: Dataset['x']): tf.Tensor =>
      tf.tidy(() => roundTensor(tf.tensor(Float32Array.from(b.values), b.shape, 'float32'), this.s.precision).clone());
    this.x = upload(data.x);
    this.y = upload(data.y);
    this.round = makeRounder(this.s.precision);
    // As trainer.ts checks it: on the host values as the upload rounds them.
    const finite = (vs: Float64Array): boolean => vs.every((v) => Number.isFinite(roundNumber(v, this.s.precision)));
    this.dataFinite = finite(data.x.values) && finite(data.y.values);
    this.snapshots = [this.takeSnapshot()];
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
    return [...this.net.paramNames];
  }
  layerNames(): string[] {
    return [...this.net.layerNames];
  }

  private runStep(mode: Parameters<DenseStep['run']>[2]): StepParts {
    const t = this.index + 1;
    const checkSecondMoments = this.s.precision !== 'float32' || t % this.snapshotEvery === 0;
    const parts = this.net.run(t, this.batches.rowsFor(t), mode, this.dataFinite, checkSecondMoments);
    this.index = t;
    return parts;
  }

  private heldOutDue(t: number): boolean {
    return this.heldOutEvery > 0 && (t === 1 || t % this.heldOutEvery === 0);
  }

  step(): StepRecord {
    const parts = this.runStep(this.verdict.watchMode);
    driveSync(this.verdict.judge(parts, this.replaySteps));
    const { record } = parts;
    if (this.heldOutDue(record.step)) record.heldOutLoss = this.net.heldOutLoss();
    if (this.verdict.close(parts, this.index)) this.keepSnapshot();
    return record;
  }

  stepAsync(): Promise<StepRecord> {
    return Promise.resolve(this.step());
  }

  run(n: number): StepRecord[] {
    const out: StepRecord[] = [];
    for (let i = 0; i < n && !this.verdict.paused; i++) out.push(this.step());
    return out;
  }

  runAsync(n: number): Promise<StepRecord[]> {
    return Promise.resolve(this.run(n));
  }

  private takeSnapshot(): FlatSnapshot {
    return { step: this.index, values: this.net.state.map((v) => Float32Array.from(v)), dispose: () => undefined };
  }

  private keepSnapshot(): void {
    this.snapshots.push(this.takeSnapshot());
    while (this.snapshots.length > 2) this.snapshots.shift();
  }

  snapshot(): Snapshot {
    return this.takeSnapshot();
  }

  restore(snapshot: Snapshot): void {
    this.restoreState(snapshot as FlatSnapshot);
    this.snapshots = [this.takeSnapshot()];
  }

  private restoreState(s: FlatSnapshot): void {
    this.net.state.forEach((v, i) => v.set(s.values[i]!));
    this.index = s.step;
    this.verdict.rewound(s.step);
  }

  /** The tfjs copy's variables in the Trainer's state order, holding the flat state. */
  private synced(): tf.Variable[] {
    const variables = [...this.model.params, ...this.optimizer.state].map((v) => v.variable);
    variables.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(this.net.state[i]!, v.shape, 'float32'))));
    return variables;
  }

  checkpoint(): Promise<Checkpoint> {
    return readCheckpoint(this.index, this.synced(), { report: this.verdict.report, paused: this.verdict.paused }, false);
  }

  restoreCheckpoint(c: Checkpoint): void {
    const tensors = uploadCheckpoint(c, this.synced());
    const values = tensors.map((t) => Float32Array.from(t.dataSync()));
    tf.dispose(tensors);
    this.restore({ step: c.step, values, dispose: () => undefined } as FlatSnapshot);
    this.verdict.restore(c.report, c.paused);
  }

  preview(): Preview {
    return driveSync(this.previewFlow());
  }

  previewAsync(): Promise<Preview> {
    return Promise.resolve(this.preview());
  }

  private previewFlow(): Flow<Preview> {
    this.synced();
    return previewFlow(this.s, this.model, this.data, this.x, this.y, this.round);
  }

  networkFlow(): Flow<NetworkView> {
    this.synced();
    return networkViewFlow(this.s, this.model, this.data);
  }

  dispose(): void {
    this.model.params.forEach((p) => p.variable.dispose());
    this.optimizer.dispose();
    this.x.dispose();
    this.y.dispose();
  }
}
