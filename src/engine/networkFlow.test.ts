import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareDataset } from './data/preprocess';
import { buildModel, type Model } from './models';
import { networkViewFlow } from './networkFlow';
import type { NetworkView } from './networkView';
import { driveSync } from './readback';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { CIRCLE } from './testing/circleScenario';
import { expectKinds } from './testing/nonFinite';

const built: Model[] = [];

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
});

afterEach(() => built.splice(0).forEach((m) => m.params.forEach((p) => p.variable.dispose())));

function viewOf(s: Scenario): { view: NetworkView; model: Model } {
  const data = prepareDataset(s);
  const model = buildModel(s, data);
  built.push(model);
  return { view: driveSync(networkViewFlow(s, model, data)), model };
}

const kernel = (model: Model, layer: string): number[] => Array.from(model.params.find((p) => p.name === `${layer}/kernel`)!.variable.dataSync());

describe('the network view', () => {
  it("of TensorFlow Playground's default network: inputs by feature, each layer with its units and activation, the loss; every edge's weight", () => {
    const { view, model } = viewOf({ ...CIRCLE, x1Squared: true });
    expect(view.columns.map((c) => [c.id, c.kind, c.units, c.detail])).toEqual([
      ['data', 'input', 3, '3 inputs'],
      ['dense1', 'dense', 4, 'tanh'],
      ['dense2', 'dense', 2, 'tanh'],
      ['out', 'dense', 1, 'linear'],
      ['loss', 'loss', 1, 'bceLogits, mean'],
    ]);
    expect(view.columns[0]!.unitNames).toEqual(['x1', 'x2', 'x1²']);
    expect(view.edges.map((e) => e && [e.from, e.to])).toEqual([[3, 4], [4, 2], [2, 1], null]);
    expect(view.edges[0]!.values).toEqual(kernel(model, 'dense1'));
    expect(view.edges[2]!.values).toEqual(kernel(model, 'out'));
    expect(view.skips).toEqual([]);
  });

  it('draws 8 units of a wider layer and the weights between those units only', () => {
    const { view, model } = viewOf({ ...DEFAULT_SCENARIO, dataset: 'uniform', features: 10, hidden: [20] });
    expect(view.columns.map((c) => c.units)).toEqual([10, 20, 1, 1]);
    expect(view.columns[0]!.unitNames).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8']);
    const full = kernel(model, 'dense1');
    const edges = view.edges[0]!;
    expect([edges.from, edges.to, edges.values.length]).toEqual([8, 8, 64]);
    expect(edges.values[3 * 8 + 5]).toBe(full[3 * 20 + 5]);
    expect(edges.values).toEqual(Array.from({ length: 64 }, (_, k) => full[Math.floor(k / 8) * 20 + (k % 8)]));
  });

  it('hands non-finite weights on as they are', () => {
    const { model } = viewOf(CIRCLE);
    const data = prepareDataset(CIRCLE);
    const bad = tf.tensor2d([[Number.NaN], [-Infinity]]);
    model.params.find((p) => p.name === 'out/kernel')!.variable.assign(bad);
    bad.dispose();
    const view = driveSync(networkViewFlow(CIRCLE, model, data));
    expectKinds(view.edges[2]!.values, ['NaN', '-Inf']);
  });

  it('of the U-Net: its blocks with channels and ops, the skip connections, no weights to read back', () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, model: 'unet', dataset: 'shapes', imageSize: 16, samples: 2, filters: 4, depth: 2, batchNorm: true };
    const { view } = viewOf(s);
    expect(view.columns.map((c) => `${c.id} ${c.units}`)).toEqual([
      'data 1',
      'enc1/conv 4',
      'enc2/conv 8',
      'bottleneck/conv 16',
      'dec2/up 8',
      'dec2/conv 8',
      'dec1/up 4',
      'dec1/conv 4',
      'out/conv 1',
      'loss 1',
    ]);
    expect(view.columns[0]!.detail).toBe('image 16×16');
    expect(view.columns[1]!.detail).toBe(`conv 3×3 + batch norm + ${s.activation}`);
    expect(view.columns[4]!.detail).toBe('nearest ×2 + conv 3×3');
    expect(new Set(view.columns.slice(1, -1).map((c) => c.kind))).toEqual(new Set(['block']));
    expect(view.edges.every((e) => e === null)).toBe(true);
    expect(view.skips).toEqual([
      [2, 5],
      [1, 7],
    ]);
  });

  it('of the custom square layer and of the prediction vector', () => {
    const square = viewOf({ ...DEFAULT_SCENARIO, model: 'customSquare', gradFault: true }).view;
    expect(square.columns.map((c) => [c.id, c.kind, c.detail])).toEqual([
      ['data', 'input', '2 inputs'],
      ['square/dense', 'dense', 'linear'],
      ['square/custom', 'block', 'z², backward divides by 0'],
      ['loss', 'loss', 'mse, mean'],
    ]);
    expect(square.edges.map((e) => e && [e.from, e.to])).toEqual([[2, 1], null, null]);
    const predictions = viewOf({ ...DEFAULT_SCENARIO, model: 'predictions', dataset: 'normalPredictions', samples: 100 }).view;
    expect(predictions.columns.map((c) => [c.id, c.units])).toEqual([
      ['data', 1],
      ['predictions', 100],
      ['loss', 1],
    ]);
  });

  it('leaves tf.memory().numTensors as it was, read after read', () => {
    const { model } = viewOf(CIRCLE);
    const data = prepareDataset(CIRCLE);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) driveSync(networkViewFlow(CIRCLE, model, data));
    expect(tf.memory().numTensors).toBe(before);
  });
});
