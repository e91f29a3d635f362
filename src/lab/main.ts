/**
 * The lab page (lab.html): the engine on the page's main thread, driven by Playwright for the
 * cross-backend sentinel tests and the browser half of `npm run bench`. It has no UI of its own.
 */
import * as tf from '@tensorflow/tfjs';
import { createTrainer } from '../engine';
import { initBackend, type BackendStatus } from '../engine/backend';
import { measureQuirks, type Quirk } from '../engine/backendQuirks';
import { DEFAULT_SCENARIO, type BackendRequest, type ModelKind, type Scenario } from '../engine/scenario';
import type { NonFiniteReport } from '../engine/records';
import type { SentinelMode } from '../engine/sentinel';
import { WASM_PATHS } from '../platform/wasmPaths';
import { benchModel, type BenchCell } from './benchModel';
import type { EngineAnswer, EngineJob } from './engineWorker';
import { REFERENCE_MODELS } from './referenceModels';

export interface LabRun {
  backend: string;
  losses: number[];
  report: NonFiniteReport | null;
  tensorsBefore: number;
  tensorsAfter: number;
}

export interface Lab {
  init(backend: BackendRequest, model: ModelKind): Promise<BackendStatus>;
  run(overrides: Partial<Scenario>, steps: number, sentinel: SentinelMode): Promise<LabRun>;
  bench(modelId: string, steps: number, runs: number): Promise<BenchCell>;
  /** Start the engine alone (sentinel on) in a worker on any scenario, warmed up: what the app's training worker runs, without the app. */
  startEngine(backend: BackendRequest, overrides: Partial<Scenario>): Promise<void>;
  /** One timed run of the started engine, at least `ms` long: steps/s. */
  timeEngine(ms: number): Promise<number>;
  stopEngine(): void;
  quirks(): Promise<Quirk[]>;
}

let engineWorker: Worker | null = null;

function ask(job: EngineJob): Promise<number> {
  const worker = engineWorker;
  if (!worker) return Promise.reject(new Error('no engine worker: call startEngine first'));
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<EngineAnswer>) => (e.data.ok ? resolve(e.data.stepsPerSecond) : reject(new Error(e.data.error)));
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(job);
  });
}

const lab: Lab = {
  init: (backend, model) => initBackend(backend, model, { wasmPaths: WASM_PATHS }),
  async run(overrides, steps, sentinel) {
    const tensorsBefore = tf.memory().numTensors;
    const scenario: Scenario = { ...DEFAULT_SCENARIO, ...overrides, continueOnFlag: false };
    const trainer = createTrainer(scenario, { sentinel });
    const losses: number[] = [];
    let report: NonFiniteReport | null = null;
    try {
      for (const r of await trainer.runAsync(steps)) losses.push(r.loss);
      report = trainer.report;
    } finally {
      trainer.dispose();
    }
    return { backend: tf.getBackend(), losses, report, tensorsBefore, tensorsAfter: tf.memory().numTensors };
  },
  quirks: measureQuirks,
  async bench(modelId, steps, runs) {
    const model = REFERENCE_MODELS.find((m) => m.id === modelId);
    if (!model) throw new Error(`unknown reference model ${modelId}`);
    return benchModel(model, steps, runs, () => performance.now());
  },
  async startEngine(backend, scenario) {
    engineWorker?.terminate();
    engineWorker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
    await ask({ type: 'start', backend, scenario, warmupMs: 2000 });
  },
  timeEngine: (ms) => ask({ type: 'time', ms }),
  stopEngine() {
    engineWorker?.terminate();
    engineWorker = null;
  },
};

(globalThis as unknown as { __lab: Lab }).__lab = lab;
document.body.dataset.ready = 'true';
