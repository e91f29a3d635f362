/**
 * The message protocol between the UI thread and the training worker. Both sides import these
 * types, so a renamed field is a compile error on both ends instead of a silent `undefined`.
 * Everything here is plain data: it crosses postMessage by structured clone.
 */
import type { Refusal } from '../engine/admission';
import type { BackendStatus } from '../engine/backend';
import type { Checkpoint } from '../engine/checkpoint';
import type { NetworkView } from '../engine/networkView';
import type { Preview } from '../engine/preview';
import type { NonFiniteReport, StepRecord } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { Speed } from '../scenarios/speed';
import type { SandboxReport } from './sandboxProbe';

export type { Preview };

/** Go on from `checkpoint` (null: from step 0), replaying to `toStep` without posting records: the page has them. */
export interface Resume {
  checkpoint: Checkpoint | null;
  toStep: number;
}

export type ToWorker =
  /**
   * Build a trainer for `scenario`. `keep`: carry the weights and step count over (a live change
   * such as the learning rate) and keep playing if it was; otherwise a fresh run from step 0.
   * `runId` tags every reply of that run, so the UI can drop replies of a run it has left.
   * `resume`: a new worker taking over a run the page already has, from its latest checkpoint.
   * `budgetBytes`: the memory the run may use, as the page's setting says (absent: the device's default).
   */
  | { type: 'configure'; runId: number; scenario: Scenario; keep: boolean; resume?: Resume; budgetBytes?: number }
  /** `stopAt`: pause by itself after that step (used by Compare runs). */
  | { type: 'play'; stopAt?: number }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'reset' }
  /** 'auto': as many steps a tick as fit in its time budget; a number: that many steps per frame. */
  | { type: 'setSpeed'; speed: Speed }
  /** Ask how many tensors tfjs holds (answered with `memory` once earlier messages are handled). */
  | { type: 'memory'; requestId: number }
  /** Are you there? Answered with `pong` at once, ahead of queued messages (app/heartbeat.ts). */
  | { type: 'ping'; seq: number }
  /** Test hook: destroy the WebGPU device now, as a driver reset would (the run moves to another backend). */
  | { type: 'loseDevice' }
  /** Test hook: try eval and a fetch of `url` (another origin) inside the worker, and say what the policy allowed. */
  | { type: 'probeSandbox'; url: string };

export type FromWorker =
  | { type: 'backend'; runId: number; status: BackendStatus; unsupported: string | null }
  /** The trainer is built: its parameters in record order, so the page can lay out its charts before step 1. */
  | { type: 'model'; runId: number; parameters: string[] }
  /** `stepMs`: how long the last of these steps took, so the page knows what silence to allow (heartbeat.ts). */
  | { type: 'records'; runId: number; records: StepRecord[]; stepMs?: number | null }
  /** The sentinel is about to replay the steps before a flag in one synchronous stretch. */
  | { type: 'replaying'; runId: number; step: number }
  | { type: 'report'; runId: number; report: NonFiniteReport }
  /** `network`: the diagram's layers and drawn weights, read with the same weights as the preview. */
  | { type: 'preview'; runId: number; preview: Preview; network: NetworkView }
  /** The loop started or stopped; `why` says why it stopped on its own (flag, stopAt, error). */
  | { type: 'running'; runId: number; running: boolean; step: number; why: string | null }
  | { type: 'error'; runId: number; message: string }
  /** The trainer's state as plain numbers, at most a second of training behind the last records (worker/checkpoints.ts). */
  | { type: 'checkpoint'; runId: number; checkpoint: Checkpoint }
  /** The scenario is over the budget or the backend's limits: nothing was built (the page offers `refusal.smaller`). */
  | { type: 'refused'; runId: number; refusal: Refusal }
  /** A live change could not keep the weights: the run restarted at step 0 under the same runId. */
  | { type: 'restarted'; runId: number }
  /** Something the user should know that is not an error (e.g. weights could not be carried over). */
  | { type: 'notice'; runId: number; message: string }
  | { type: 'memory'; runId: number; requestId: number; numTensors: number; numBytes: number }
  /** The answer to probeSandbox. */
  | { type: 'sandbox'; runId: number; report: SandboxReport }
  /** The answer to ping `seq`: training or handling a message (`busy`), and the current model's last step time (null before its first). */
  | { type: 'pong'; runId: number; seq: number; busy: boolean; stepMs: number | null };

/** Type guard for messages arriving on the UI side (a worker error event carries no data). */
export function isFromWorker(data: unknown): data is FromWorker {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}
