/**
 * Everything the training loop takes from outside it: the worker passes postMessage, a
 * MessageChannel scheduler, performance.now and the engine; tests pass fakes, so the loop's
 * decisions are checked in milliseconds without tfjs or a browser.
 */
import type { Refusal } from '../engine/admission';
import type { BackendStatus } from '../engine/backend';
import type { MemoryInUse } from '../engine/memory';
import type { BackendName, BackendRequest, ModelKind, Scenario } from '../engine/scenario';
import type { FromWorker } from './protocol';
import type { SandboxReport } from './sandboxProbe';
import type { MadeTrainer } from './trainerFactory';

export interface LoopDeps {
  post(m: FromWorker): void;
  /** Run `cb` after `delayMs`, yielding to the event loop first so that messages get in between ticks. */
  schedule(delayMs: number, cb: () => void): void;
  /** Milliseconds, monotonic (performance.now). */
  now(): number;
  initBackend(requested: BackendRequest, model: ModelKind): Promise<BackendStatus>;
  /**
   * Null when `scenario` may be built on `backend` (its cost within the budget and the device's limits), else why
   * not; `budgetBytes` is the page's setting (null: the device's default).
   */
  admit(scenario: Scenario, backend: BackendName, budgetBytes: number | null): Refusal | null;
  /** `onReplay`: the trainer is about to replay steps after a flag (see TrainerOptions.onReplay). */
  makeTrainer(scenario: Scenario, backend: BackendName, onReplay: (step: number) => void): MadeTrainer;
  memoryInUse(): MemoryInUse;
  /** Why the active WebGPU device was lost, or null while it is there (engine/activeDevice.ts). */
  deviceLost(): string | null;
  /** Destroy the active WebGPU device (a test hook); false when there is none. */
  loseDevice(): boolean;
  /** Try eval and a cross-origin fetch here (a test hook, sandboxProbe.ts). */
  probeSandbox(url: string): Promise<SandboxReport>;
}
