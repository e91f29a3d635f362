/**
 * The engine alone in a worker, for the benchmark's app section: the same trainer the app's training
 * worker drives, stepped back to back with nothing around it (no page, no records posted), so the
 * app's steps/s can be set against it on equal terms, both off the page's main thread. It stays up
 * between timed runs, so the bench can interleave them with the app's.
 */
import { initBackend } from '../engine/backend';
import { DEFAULT_SCENARIO, type BackendRequest, type Scenario } from '../engine/scenario';
import { WASM_PATHS } from '../platform/wasmPaths';
import { engineStepper } from './engineStepper';
import type { Stepper } from './measure';

export type EngineJob = { type: 'start'; backend: BackendRequest; scenario: Partial<Scenario>; warmupMs: number } | { type: 'time'; ms: number };

export type EngineAnswer = { ok: true; stepsPerSecond: number } | { ok: false; error: string };

let stepper: Stepper | null = null;

/** Steps back to back for at least `ms`; steps/s over them. */
async function timed(s: Stepper, ms: number): Promise<number> {
  const t0 = performance.now();
  let steps = 0;
  while (performance.now() - t0 < ms) {
    await s.step();
    steps += 1;
  }
  return (steps * 1000) / (performance.now() - t0);
}

async function answer(job: EngineJob): Promise<number> {
  if (job.type === 'start') {
    const scenario = { ...DEFAULT_SCENARIO, ...job.scenario };
    await initBackend(job.backend, scenario.model, { wasmPaths: WASM_PATHS });
    stepper?.dispose();
    stepper = engineStepper(scenario, 'fast');
    // The JIT needs a couple of seconds of small steps before a step's cost settles (measure.ts).
    return timed(stepper, job.warmupMs);
  }
  if (!stepper) throw new Error('time before start');
  return timed(stepper, job.ms);
}

self.onmessage = (e: MessageEvent<EngineJob>) => {
  answer(e.data).then(
    (stepsPerSecond) => self.postMessage({ ok: true, stepsPerSecond } satisfies EngineAnswer),
    (err: unknown) => self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies EngineAnswer),
  );
};
