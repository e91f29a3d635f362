/**
 * window.__nanPlayground: the read-only view end-to-end tests use, installed only when the test
 * asked for it before the page's scripts ran (window.__nanPlaygroundTest = true, set by the e2e
 * fixtures with an init script), so a user's page carries no test surface. Its shape is a contract
 * with e2e/pages/PlaygroundPage.ts; extend it, do not rename its fields.
 */
import type { Refusal } from '../engine/admission';
import type { BackendStatus } from '../engine/backend';
import type { NonFiniteReport } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { PresetOutcome, RejectedKey } from '../state/appState';
import type { FrameSummary } from '../state/frameProbe';
import type { PlaygroundController } from './controller';
import type { MapRunner } from './mapRunner';
import type { MapProgress } from '../state/mapResults';

export interface TestState {
  scenario: Scenario;
  backend: BackendStatus | null;
  step: number;
  losses: number[];
  /** The held-out losses as [step, loss], in step order (empty where nothing is held out). */
  validation: [number, number][];
  report: NonFiniteReport | null;
  running: boolean;
  rejected: RejectedKey[];
  /** The open lesson's reference outcome (cpu, as written) and the outcome of the run on screen, when it differs. */
  outcome: PresetOutcome | null;
  watchedOutcome: PresetOutcome | null;
  /** The scenario refused before it was built, if it was. */
  refusal: Refusal | null;
  /** The parameters the worker declared for the run's model (none before it is built). */
  parameters: string[];
  /** Records the run keeps (for export): one per step taken. */
  records: number;
  /** Why the run stopped on its own ('paused', 'flagged', 'done', 'error'…), or null. */
  stopReason: string | null;
}

export interface TestHooks {
  getState(): TestState;
  /** Main-thread time per frame that applied records (see frameProbe.ts). */
  frameStats(n?: number): FrameSummary;
  resetFrameStats(): void;
  getCompare(): { status: string; label: string; losses: number[] } | null;
  /** tf.memory().numTensors in the training worker. */
  tensorCount(): Promise<number>;
  /** Terminate a worker the way the browser would (no event, no word to the page): its liveness check must notice. */
  killWorker(which: 'training' | 'compare' | 'outcome' | 'map'): void;
  /** The stability map on screen: its cells so far and how its computation goes. */
  getMap(): MapProgress | null;
  /** Destroy the training worker's WebGPU device, as a driver reset would. */
  loseDevice(): void;
  /** Inside the training worker: try eval and a fetch of `url` (another origin), and say what its policy allowed. */
  probeWorkerSandbox(url: string): Promise<{ eval: string; fetch: string }>;
}

declare global {
  interface Window {
    __nanPlayground?: TestHooks;
    /** Set by a test before the page loads, to ask for the hooks. */
    __nanPlaygroundTest?: boolean;
  }
}

/** Install the hooks if a test asked for them; true when it did. */
export function installTestHooks(controller: PlaygroundController, map?: MapRunner): boolean {
  if (window.__nanPlaygroundTest !== true) return false;
  const { store, run, compare, link } = controller;
  window.__nanPlayground = {
    getState() {
      const s = store.getState();
      return {
        scenario: s.scenario,
        backend: s.backend,
        step: run.step,
        losses: run.trace.losses(),
        validation: run.heldOut.entries(),
        report: s.report,
        running: s.running,
        rejected: s.rejected,
        outcome: s.outcome,
        watchedOutcome: s.watchedOutcome,
        refusal: s.refusal,
        parameters: [...run.series.gradNorms.keys()],
        records: run.history.length,
        stopReason: s.stopReason,
      };
    },
    frameStats: (n) => run.probe.summary(n),
    resetFrameStats: () => run.probe.reset(),
    tensorCount: () => link.tensorCount(),
    killWorker(which) {
      if (which === 'training') link.killWorker();
      else if (which === 'compare') compare.killWorker();
      else if (which === 'map') map?.killWorkers();
      else controller.outcomes.killWorker();
    },
    getMap: () => map?.progress.getState() ?? null,
    loseDevice: () => link.send({ type: 'loseDevice' }),
    probeWorkerSandbox: (url) => link.probeSandbox(url),
    getCompare() {
      const c = store.getState().compare;
      return c ? { status: c.status, label: c.label, losses: compare.run.trace.losses() } : null;
    },
  };
  return true;
}
