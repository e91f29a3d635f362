/**
 * The cost model against what tfjs holds: every preset and every bench model, trained two steps on
 * cpu (snapshots every step, so the second step runs with the two snapshots a long run keeps); the
 * peak of tf.memory().numBytes must be within 2× of the estimate either way. The table is printed
 * (docs/COST.md copies it).
 */
import * as tf from '@tensorflow/tfjs';
import { webgl_util } from '@tensorflow/tfjs-backend-webgl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateCost } from '../engine/cost';
import { planStep } from '../engine/costPlan';
import { formatBytes } from '../engine/costText';
import { prepareDataset } from '../engine/data/preprocess';
import type { Scenario } from '../engine/scenario';
import { createTrainer } from '../engine/trainer';
import { textureSize } from '../engine/webglTexture';
import { REFERENCE_MODELS } from '../lab/referenceModels';
import { PRESETS, presetScenario } from '../scenarios/presets';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Peak bytes tfjs holds while a trainer is built and takes two steps, over what it held before. */
async function measuredPeak(s: Scenario): Promise<number> {
  const before = tf.memory().numBytes;
  const trainer = createTrainer(s, { snapshotEvery: 1 });
  let peak = tf.memory().numBytes - before;
  for (let i = 0; i < 2; i++) {
    const profile = await tf.profile(() => void trainer.step());
    peak = Math.max(peak, profile.peakBytes - before, tf.memory().numBytes - before);
  }
  trainer.dispose();
  return peak;
}

const CASES: [string, Scenario][] = [
  ...PRESETS.map((p): [string, Scenario] => [p.id, presetScenario(p)]),
  ...REFERENCE_MODELS.map((m): [string, Scenario] => [`bench ${m.id}`, m.scenario]),
];

const rows: { name: string; estimate: number; measured: number }[] = [];

afterAll(() => {
  const lines = rows.map((r) => `| ${r.name} | ${formatBytes(r.estimate)} | ${formatBytes(r.measured)} | ${(r.estimate / r.measured).toFixed(2)} |`);
  console.log(['| scenario | estimate | measured | estimate / measured |', '|---|---:|---:|---:|', ...lines].join('\n'));
});

describe('cost model vs tf.memory() on cpu', () => {
  it.each(CASES)('%s: the estimate is within 2× of the measured peak', async (name, s) => {
    const estimate = estimateCost(s).deviceBytes;
    const measured = await measuredPeak(s);
    rows.push({ name, estimate, measured });
    expect(estimate / measured).toBeGreaterThanOrEqual(0.5);
    expect(estimate / measured).toBeLessThanOrEqual(2);
  });

  it.each(CASES.filter((_, i) => i % 4 === 0))('%s: the JS copy is what prepareDataset returns', (_name, s) => {
    const d = prepareDataset(s);
    const p = d.plane;
    const plane = p ? [p.testX.values, p.gridX.values, p.train.coords, p.test.coords, p.train.labels, p.test.labels] : [];
    const values = [d.x.values, d.y.values, ...plane].reduce((a, v) => a + v.length, 0);
    expect(planStep(s).hostValues).toBe(values);
  });
});

describe('WebGL texture layout', () => {
  it('matches tfjs-backend-webgl for tensors of the U-Net and the data sets, packed and unpacked', () => {
    const shapes = [[64, 288, 4096], [64, 576, 16384], [64, 128, 128, 32], [100000, 256], [100000, 128, 128, 1], [8, 64, 64, 16], [3, 2], [100]];
    for (const max of [8192, 16384]) {
      tf.env().set('WEBGL_MAX_TEXTURE_SIZE', max);
      for (const shape of shapes)
        for (const packed of [false, true]) {
          const [rows, cols] = webgl_util.getTextureShapeFromLogicalShape(shape, packed);
          expect(textureSize(shape, packed, max)).toEqual(packed ? [Math.ceil(cols / 2), Math.ceil(rows / 2)] : [cols, rows]);
        }
    }
  });

  it('gives the enc2 im2col of a 128×128, 32-filter U-Net at batch 64 the texture WebGL refused', () => {
    expect(textureSize([64, 9 * 32, 64 * 64], false, 8192)).toEqual([8689, 8689]);
  });
});
