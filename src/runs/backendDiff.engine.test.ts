// The backend diff against the engine itself: cpu and wasm in Node, checked against each backend run on its own.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, initBackend, type BackendStatus } from '../engine';
import type { Scenario } from '../engine/scenario';
import { presetById, presetScenario } from '../scenarios/presets';
import { diffBackends, type BackendDiffDeps, type DiffSide } from './backendDiff';
import { runScenario } from './runScenario';

const deps: BackendDiffDeps = {
  activate: async (backend) => {
    await tf.setBackend(backend);
  },
  createTrainer: (s) => createTrainer(s, { sentinel: 'fast' }),
};

let cpu: BackendStatus;
let wasm: BackendStatus;
beforeAll(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasm = await initBackend('wasm', 'mlp');
  cpu = await initBackend('cpu', 'mlp');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

async function alone(backend: string, s: Scenario) {
  await tf.setBackend(backend);
  return runScenario({ ...s, continueOnFlag: true }, (sc, o) => createTrainer(sc, o));
}

describe('diffBackends', () => {
  const scenario = presetScenario(presetById('optimizer-high-lr')!);

  it('steps both backends in lock-step: each side is exactly its backend run alone', async () => {
    const sides: [DiffSide, DiffSide] = [
      { backend: cpu.active, quirks: cpu.quirks },
      { backend: wasm.active, quirks: wasm.quirks },
    ];
    const diff = await diffBackends(scenario, sides, scenario.steps, deps);
    const [a, b] = [await alone('cpu', scenario), await alone('wasm', scenario)];
    expect(diff.steps).toBe(scenario.steps);
    expect(diff.losses.map((l) => l.a)).toEqual(a.losses);
    expect(diff.losses.map((l) => l.b)).toEqual(b.losses);
    expect(diff.firstNonFinite).toEqual([a.firstNonFinite, b.firstNonFinite]);
    // Where the two first non-finite steps differ, the runs parted before the earlier one.
    const flags = diff.firstNonFinite.map((f) => f?.step ?? Infinity);
    if (flags[0] !== flags[1]) {
      expect(diff.firstDifference).not.toBeNull();
      expect(diff.firstDifference!.step).toBeLessThanOrEqual(Math.min(...flags));
    }
    if (diff.firstDifference && diff.firstBeyondThreshold) expect(diff.firstBeyondThreshold.step).toBeGreaterThanOrEqual(diff.firstDifference.step);
    console.log(
      `optimizer-high-lr cpu vs wasm: first non-finite ${JSON.stringify(diff.firstNonFinite)}; first difference ${JSON.stringify(diff.firstDifference)}; beyond 1e-6 ${JSON.stringify(diff.firstBeyondThreshold)}`,
    );
  });

  it('a backend against itself is identical at every step, and says so; no tensor is left behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const side = { backend: 'cpu', quirks: cpu.quirks };
    const diff = await diffBackends({ ...scenario, steps: 12 }, [side, side], 12, deps);
    expect(diff.firstDifference).toBeNull();
    expect(diff.firstBeyondThreshold).toBeNull();
    expect(diff.losses.every((l) => l.relative === 0)).toBe(true);
    expect(diff.explanation).toBe('The two backends gave identical records at every step.');
    await tf.setBackend('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });
});
