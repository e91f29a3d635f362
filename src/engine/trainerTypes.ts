/** What a trainer is to its callers (the worker, the runs, the CLI, the bench): its options and its methods. trainer.ts builds one. */
import type { Checkpoint } from './checkpoint';
import type { Flow } from './readback';
import type { NetworkView } from './networkView';
import type { Preview } from './preview';
import type { NonFiniteReport, StepRecord } from './records';
import type { Dataset } from './data/tabular';
import type { SentinelMode } from './sentinel';

export interface TrainerOptions {
  /**
   * fast: one readback per step, replay on a flag (default when scenario.sentinel); full: full checks
   * every step; off: none. How each maps to the watch of a step: SentinelMode in sentinel.ts.
   */
  sentinel?: SentinelMode;
  /** Data to train on instead of the scenario's data set (tests and presets with hand-made numbers). */
  dataset?: Dataset;
  /** Steps between the on-device snapshots the fast sentinel replays from (default 20). */
  snapshotEvery?: number;
  /** Check values in JS instead of with kernels (default: on for cpu and wasm); tests force both paths. */
  hostChecks?: boolean;
  /** Read the checked tensors back whole and check them in JS (default: on webgl and webgpu for a small model, checkPlace.ts); tests force it on cpu. */
  gather?: boolean;
  /**
   * Called before the fast sentinel replays steps to find where a flag began: the replay runs up to 21 steps with
   * full checks inside one call, and on a GPU backend it first compiles the kernels of those checks (seconds on
   * SwiftShader), so a worker uses this to tell the page it is busy, not gone.
   */
  onReplay?: (step: number) => void;
  /** Steps between held-out losses where the data set holds rows out (default HELD_OUT_EVERY; 0: none). */
  heldOutEvery?: number;
  /**
   * auto: on the cpu backend, a dense scenario the fast path accepts (dense/eligibility.ts) trains on flat arrays,
   * with the same records bit for bit; off (default): always on tfjs.
   */
  densePath?: 'auto' | 'off';
}

/** An opaque copy of the trainer's state (on-device tensors); dispose it when replaced. */
export interface Snapshot {
  readonly step: number;
  dispose(): void;
}

export interface Trainer {
  /** One training step (also when paused: stepping by hand is allowed). Throws on WebGPU: use stepAsync. */
  step(): StepRecord;
  /** The same step with an asynchronous readback; works on every backend. */
  stepAsync(): Promise<StepRecord>;
  /** Up to n steps; stops early once the trainer pauses after a flag. */
  run(n: number): StepRecord[];
  /** run() with asynchronous readbacks. */
  runAsync(n: number): Promise<StepRecord[]>;
  /** True where step()/preview() cannot be used and the async forms must be (WebGPU). */
  readonly asyncOnly: boolean;
  /** A copy of weights and optimizer state (on device). */
  snapshot(): Snapshot;
  /** Back to a snapshot; clears the report if it came after that point. */
  restore(s: Snapshot): void;
  /** The state as plain numbers (checkpoint.ts): it outlives the device and the worker. */
  checkpoint(): Promise<Checkpoint>;
  /** Go on from a checkpoint of a trainer of the same scenario, read on any backend. */
  restoreCheckpoint(c: Checkpoint): void;
  /** Frees every tensor the trainer owns. */
  dispose(): void;
  /** Steps taken so far. */
  readonly stepIndex: number;
  /** The sentinel's verdict on the first non-finite step, once one happened. */
  readonly report: NonFiniteReport | null;
  /** True after a flag unless scenario.continueOnFlag. */
  readonly paused: boolean;
  /** Plain data for the UI's previews. */
  preview(): Preview;
  previewAsync(): Promise<Preview>;
  /** The network diagram's data (networkFlow.ts) as a flow with one readback, to drive as previews are. */
  networkFlow(): Flow<NetworkView>;
  /** Stable parameter names ("enc/dense1/kernel"), the keys of the record's maps. */
  parameterNames(): string[];
  /** Layer names in forward order, the keys of activationMax. */
  layerNames(): string[];
}
