// The wasm backend in Node (no path setup needed there), started as the app starts it: initBackend
// registers our convolution weight gradient (kernels/wasmConvGrad.ts), so the U-Net trains on wasm
// and follows cpu: the same losses (within 1e-4 relative over 10 steps) and the same first
// non-finite step and quantity when it diverges. Dense models train as before.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import type { NonFiniteReport, StepRecord } from './records';
import { DEFAULT_SCENARIO, type Scenario, type Upsampling } from './scenario';
import { createTrainer, unsupportedReason } from './trainer';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });
// tfjs's cpu ResizeNearestNeighborGrad reads dy at the image's batch offset instead of dy's, so with
// two images in a batch cpu's own gradient below a nearest upsampling is wrong (wasm's is right):
// those scenarios take one image per step.
const unet = (depth: number, upsampling: Upsampling, over: Partial<Scenario> = {}): Scenario =>
  base({
    model: 'unet',
    dataset: 'shapes',
    imageSize: 16,
    samples: 2,
    batchSize: upsampling === 'nearest' ? 1 : 0,
    filters: 4,
    depth,
    upsampling,
    sentinel: true,
    ...over,
  });
/** A learning rate that makes the logits overflow within a few steps. */
const DIVERGING: Partial<Scenario> = { optimizer: 'sgd', lr: 1e12 };
const LOSS_TOLERANCE = 1e-4;

afterAll(async () => {
  await tf.setBackend('cpu');
});

async function train(backend: 'cpu' | 'wasm', s: Scenario, steps: number): Promise<{ records: StepRecord[]; report: NonFiniteReport | null }> {
  const status = await initBackend(backend, s.model);
  expect(status.active, status.reason ?? '').toBe(backend);
  const t = createTrainer(s);
  try {
    return { records: t.run(steps), report: t.report };
  } finally {
    t.dispose();
  }
}

describe('wasm backend', () => {
  it('starts for the U-Net with our convolution weight gradient registered', async () => {
    const status = await initBackend('wasm', 'unet');
    expect([status.active, status.reason]).toEqual(['wasm', null]);
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeDefined();
    expect(unsupportedReason(unet(1, 'nearest'), 'wasm')).toBeNull();
  });

  it('trains the U-Net: every record finite, and the loss goes down', async () => {
    const { records, report } = await train('wasm', unet(2, 'nearest'), 20);
    expect(report).toBeNull();
    expect(records.filter((r) => r.nonFinite || !Number.isFinite(r.loss))).toEqual([]);
    expect(records.at(-1)!.loss).toBeLessThan(records[0]!.loss * 0.9);
  });

  const SHAPES = [1, 2].flatMap((depth) => (['nearest', 'transposed'] as const).map((up) => [depth, up] as const));

  it.each(SHAPES)('U-Net depth %i, %s upsampling: 10 steps give cpu’s losses within 1e-4 relative', async (depth, up) => {
    const cpu = (await train('cpu', unet(depth, up), 10)).records.map((r) => r.loss);
    const wasm = (await train('wasm', unet(depth, up), 10)).records.map((r) => r.loss);
    expect(wasm).toHaveLength(10);
    wasm.forEach((loss, i) =>
      expect(Math.abs(loss - cpu[i]!), `step ${i + 1}: wasm ${loss}, cpu ${cpu[i]}`).toBeLessThanOrEqual(LOSS_TOLERANCE * Math.abs(cpu[i]!)),
    );
  });

  it.each(SHAPES)('U-Net depth %i, %s upsampling, diverging: the first non-finite step and quantity are cpu’s', async (depth, up) => {
    const s = unet(depth, up, DIVERGING);
    const cpu = (await train('cpu', s, 30)).report;
    const wasm = (await train('wasm', s, 30)).report;
    expect(cpu).not.toBeNull();
    expect(wasm && { step: wasm.step, quantity: wasm.quantity, kind: wasm.kind }).toEqual({ step: cpu!.step, quantity: cpu!.quantity, kind: cpu!.kind });
  });

  it('trains the autoencoder', async () => {
    const { records } = await train('wasm', base({ model: 'autoencoder', dataset: 'uniform', features: 10, hidden: [5], samples: 20 }), 5);
    expect(records[4]!.loss).toBeLessThan(records[0]!.loss);
  });
});
