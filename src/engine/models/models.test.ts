import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDataset } from '../data/preprocess';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import { buildModel } from '.';
import { initValues } from './init';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function names(s: Scenario): { params: string[]; layers: string[]; shapes: number[][] } {
  const m = buildModel(s, prepareDataset(s));
  const out = { params: m.params.map((p) => p.name), layers: m.layers, shapes: m.params.map((p) => p.variable.shape) };
  m.params.forEach((p) => p.variable.dispose());
  return out;
}

describe('stable human names and shapes', () => {
  it('autoencoder 10→5→10 and a deeper 10→8→3→8→10', () => {
    const ae = names(base({ model: 'autoencoder', dataset: 'uniform', features: 10, hidden: [5] }));
    expect(ae.params).toEqual(['enc/dense1/kernel', 'enc/dense1/bias', 'dec/dense1/kernel', 'dec/dense1/bias']);
    expect(ae.shapes).toEqual([[10, 5], [5], [5, 10], [10]]);
    const deep = names(base({ model: 'autoencoder', dataset: 'uniform', features: 10, hidden: [8, 3] }));
    expect(deep.layers).toEqual(['enc/dense1', 'enc/dense2', 'dec/dense1', 'dec/dense2']);
    expect(deep.shapes.filter((_, i) => i % 2 === 0)).toEqual([
      [10, 8],
      [8, 3],
      [3, 8],
      [8, 10],
    ]);
  });

  it('linear, MLP, classifier, predictions, customSquare', () => {
    expect(names(base({ model: 'linear', dataset: 'articleLinear' })).params).toEqual(['dense/kernel', 'dense/bias']);
    expect(names(base({ model: 'mlp', hidden: [4, 3] })).layers).toEqual(['dense1', 'dense2', 'out']);
    expect(names(base({ model: 'classifier', dataset: 'labels', hidden: [] })).params).toEqual(['out/kernel', 'out/bias']);
    expect(names(base({ model: 'predictions', dataset: 'largePredictions' })).shapes).toEqual([[3, 1]]);
    expect(names(base({ model: 'customSquare' })).layers).toEqual(['square/dense', 'square/custom']);
  });

  it('U-Net depth 2 with nearest upsampling', () => {
    const u = names(base({ model: 'unet', dataset: 'shapes', imageSize: 16, samples: 1, depth: 2, filters: 4 }));
    expect(u.layers).toEqual(['enc1/conv', 'enc2/conv', 'bottleneck/conv', 'dec2/up', 'dec2/conv', 'dec1/up', 'dec1/conv', 'out/conv']);
    expect(u.shapes[u.params.indexOf('dec1/conv/kernel')]).toEqual([3, 3, 8, 4]); // skip concat doubles the channels
    expect(u.shapes[u.params.indexOf('out/conv/kernel')]).toEqual([1, 1, 4, 1]);
  });
});

describe('initialisation', () => {
  const spec = { seed: 42, gain: 1, precision: 'float32' as const };
  it('Glorot uniform and PyTorch Linear stay inside their bounds; normal kinds have the right scale', () => {
    const g = initValues({ ...spec, kind: 'glorotUniform' }, 'k', 1000, 10, 5);
    expect(Math.max(...g.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 15));
    const t = initValues({ ...spec, kind: 'torchLinear' }, 'k', 1000, 100, 5);
    expect(Math.max(...t.map(Math.abs))).toBeLessThanOrEqual(0.1);
    const std = (v: Float32Array): number => Math.sqrt(v.reduce((a, x) => a + x * x, 0) / v.length);
    expect(std(initValues({ ...spec, kind: 'heNormal' }, 'k', 20000, 8, 5))).toBeCloseTo(0.5, 1); // √(2/8)
    expect(std(initValues({ ...spec, kind: 'scaledNormal', gain: 3 }, 'k', 20000, 9, 5))).toBeCloseTo(1, 1); // 3/√9
  });

  it('is seeded by parameter name: same name same values, different names differ', () => {
    const a = initValues({ ...spec, kind: 'glorotUniform' }, 'enc/dense1/kernel', 8, 4, 2);
    expect(initValues({ ...spec, kind: 'glorotUniform' }, 'enc/dense1/kernel', 8, 4, 2)).toEqual(a);
    expect(initValues({ ...spec, kind: 'glorotUniform' }, 'dec/dense1/kernel', 8, 4, 2)).not.toEqual(a);
  });
});
