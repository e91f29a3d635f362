/** The stability map on the dense fast path: runMapCell asks for it, and the cells are the tfjs cpu trainer's bit for bit. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DenseTrainer } from '../engine/dense/denseTrainer';
import { createTrainer, initBackend } from '../engine/index';
import { firstValueDifference } from '../engine/testing/sameBits';
import { presetById, presetScenario } from '../scenarios/presets';
import type { MapSpec } from '../scenarios/stabilityGrid';
import type { TrainerFactory } from './runScenario';
import { runMap } from './stabilityMap';

const base = presetScenario(presetById('autoencoder-plain')!);

beforeAll(async () => {
  await initBackend('cpu', base.model);
});

describe('stability map cells on the dense path', () => {
  it('the autoencoder lesson’s 5 × 5 map over lr and input scale: dense cells, the same as on tfjs', () => {
    const spec: MapSpec = { x: { key: 'lr', min: 1e-2, max: 1e7, cells: 5 }, y: { key: 'inputScale', min: 0.1, max: 1e11, cells: 5 } };
    let dense = 0;
    const counting: TrainerFactory = (s, o) => {
      const t = createTrainer(s, o);
      if (t instanceof DenseTrainer) dense++;
      return t;
    };
    const before = tf.memory().numTensors;
    const fast = runMap(base, spec, counting);
    expect(tf.memory().numTensors).toBe(before);
    const slow = runMap(base, spec, (s, o) => createTrainer(s, { ...o, densePath: 'off' }));
    expect(dense).toBe(25);
    expect(fast.some((c) => c.firstNonFinite !== null)).toBe(true);
    expect(firstValueDifference(fast, slow)).toBeNull();
  });
});
