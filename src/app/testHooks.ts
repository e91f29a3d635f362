/**
 * window.__nanPlayground: the read-only view end-to-end tests use. Its shape is a contract with
 * e2e/foundation.spec.ts and e2e/playground.spec.ts; extend it, do not rename its fields.
 */
import type { BackendStatus } from '../engine/backend';
import type { NonFiniteReport } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { RejectedKey } from '../state/appState';
import type { PlaygroundController } from './controller';
import type { FrameSummary } from '../state/frameProbe';

export interface TestState {
  scenario: Scenario;
  backend: BackendStatus | null;
  step: number;
  losses: number[];
  report: NonFiniteReport | null;
  running: boolean;
  rejected: RejectedKey[];
  chartWarmup: 'pending' | 'done' | 'skipped';
}

export interface TestHooks {
  getState(): TestState;
  /** Main-thread time per frame that applied records (see frameProbe.ts). */
  frameStats(n?: number): FrameSummary;
  resetFrameStats(): void;
  getCompare(): { status: string; label: string; losses: number[] } | null;
  /** tf.memory().numTensors in the training worker. */
  tensorCount(): Promise<number>;
}

declare global {
  interface Window {
    __nanPlayground?: TestHooks;
  }
}

export function installTestHooks(controller: PlaygroundController): void {
  window.__nanPlayground = {
    getState() {
      const s = controller.store.getState();
      return {
        scenario: s.scenario,
        backend: s.backend,
        step: s.step,
        losses: controller.history.lossArray(),
        report: s.report,
        running: s.running,
        rejected: s.rejected,
        chartWarmup: s.chartWarmup,
      };
    },
    frameStats: (n) => controller.probe.summary(n),
    tensorCount: () => controller.tensorCount(),
    resetFrameStats: () => controller.probe.reset(),
    getCompare() {
      const c = controller.store.getState().compare;
      return c ? { status: c.status, label: c.label, losses: [...controller.compare.losses] } : null;
    },
  };
}
