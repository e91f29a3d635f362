import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { createTrainer, unsupportedReason } from './trainer';
import { classify } from './testing/nonFinite';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });

const ARTICLE = base({ model: 'linear', dataset: 'articleLinear', optimizer: 'sgd', lr: 0.01, loss: 'mse', init: 'glorotUniform' });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function losses(s: Scenario, n: number, sentinel: 'fast' | 'brute' | 'off' = 'fast'): number[] {
  const t = createTrainer(s, { sentinel });
  const out = t.run(n).map((r) => r.loss);
  t.dispose();
  return out;
}

describe('the articles regression', () => {
  it('goes non-finite within 10 steps unnormalised, and converges with z-score', () => {
    const raw = losses({ ...ARTICLE, continueOnFlag: true }, 10);
    console.log('articleLinear, SGD lr 0.01, MSE, no normalisation:', raw.map((l) => (Number.isFinite(l) ? l.toExponential(4) : String(l))).join(', '));
    const firstBad = raw.findIndex((l) => !Number.isFinite(l));
    expect(firstBad).toBeGreaterThanOrEqual(0);
    expect(firstBad).toBeLessThan(10);
    const z = losses({ ...ARTICLE, normalization: 'zscore' }, 500);
    console.log('articleLinear with zscore, steps 1,10,50,100,200,500:', [0, 9, 49, 99, 199, 499].map((i) => z[i]!.toExponential(4)).join(', '));
    expect(z.every((l) => Number.isFinite(l))).toBe(true);
    expect(z[499]!).toBeLessThan(1e-3 * z[0]!);
  });
});
