import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import { createTrainer } from '../trainer';
import { ourCpuKernel } from './cpuKernels';
import { stockAndOurs } from './cpuKernelTesting';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const unet = (over: Partial<Scenario>): Scenario => ({
  ...DEFAULT_SCENARIO,
  hidden: [],
  model: 'unet',
  dataset: 'shapes',
  imageSize: 16,
  samples: 2,
  batchSize: 2,
  filters: 4,
  loss: 'bceLogits',
  optimizer: 'adam',
  continueOnFlag: true,
  ...over,
});

// Plain SGD at lr 3 on a linear MSE U-Net overflows within a few steps; the run continues through
// NaN, so the later steps push NaN and ±Inf through both kernels.
const DIVERGING: Partial<Scenario> = { optimizer: 'sgd', lr: 3, loss: 'mse', activation: 'linear' };

const SCENARIOS: [string, Scenario][] = [
  ['depth 1, nearest', unet({ depth: 1 })],
  ['depth 2, nearest, batch norm', unet({ depth: 2, batchNorm: true })],
  ['depth 1, transposed', unet({ depth: 1, upsampling: 'transposed' })],
  ['depth 2, transposed', unet({ depth: 2, upsampling: 'transposed' })],
  ['depth 1, transposed, diverging', unet({ depth: 1, upsampling: 'transposed', ...DIVERGING })],
  ['depth 2, nearest, diverging', unet({ depth: 2, ...DIVERGING })],
];

describe('a U-Net trained on cpu with our kernels and with the stock ones', () => {
  it('imports with ours registered (trainer.ts registers them)', () => {
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'cpu')?.kernelFunc).toBe(ourCpuKernel(tf.Conv2DBackpropFilter));
    expect(tf.getKernel(tf.SplitV, 'cpu')?.kernelFunc).toBe(ourCpuKernel(tf.SplitV));
  });

  it.each(SCENARIOS)('%s: the same records and report over 10 steps', (_, s) => {
    const train = (): unknown => {
      const t = createTrainer(s, { sentinel: 'full' });
      try {
        return { records: t.run(10), report: t.report };
      } finally {
        t.dispose();
      }
    };
    const before = tf.memory().numTensors;
    const { stock, ours } = stockAndOurs(train);
    expect(tf.memory().numTensors).toBe(before);
    expect(ours).toEqual(stock);
    const { records, report } = ours as { records: { loss: number }[]; report: { step: number; quantity: string } | null };
    expect(records).toHaveLength(10);
    if (s.optimizer === 'sgd') {
      expect(report).not.toBeNull();
      expect(Number.isNaN(records[9]!.loss)).toBe(true);
    } else expect(report).toBeNull();
  });
});
