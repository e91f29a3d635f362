import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lossElements, reduceLoss, type LossOptions } from './losses';
import type { LossKind } from './scenario';
import { countNonFinite, expectKind, expectKinds } from './testing/nonFinite';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const opts = (kind: LossKind, over: Partial<LossOptions> = {}): LossOptions => ({
  kind,
  huberDelta: 1,
  eps: 1e-7,
  epsPlacement: 'none',
  reduction: 'mean',
  ...over,
});

function elements(kind: LossKind, pred: number[], y: number[], over: Partial<LossOptions> = {}): number[] {
  return tf.tidy(() => Array.from(lossElements(tf.tensor1d(pred), tf.tensor1d(y), opts(kind, over)).dataSync()));
}

const f = Math.fround;

describe('losses against hand-computed values', () => {
  it('mse, l1, huber', () => {
    expect(elements('mse', [3, -1], [1, 1])).toEqual([4, 4]);
    expect(elements('l1', [3, -1.5], [1, 1])).toEqual([2, 2.5]);
    // δ = 1: |e| = 0.5 → 0.5·0.25 = 0.125; |e| = 3 → 1·(3 − 0.5) = 2.5
    expect(elements('huber', [1.5, 4], [1, 1])).toEqual([0.125, 2.5]);
    expect(elements('huber', [4], [1], { huberDelta: 2 })).toEqual([4]); // 2·(3 − 1)
  });

  it('huber has a gradient (e inside δ, ±δ outside) and keeps NaN and +Inf', () => {
    const g = tf.tidy(() => {
      const pred = tf.tensor1d([1.5, 4, -3]);
      const grad = tf.grad((p: tf.Tensor) => tf.sum(lossElements(p, tf.tensor1d([1, 1, 1]), opts('huber'))));
      return Array.from(grad(pred).dataSync());
    });
    expect(g).toEqual([0.5, 1, -1]);
    expectKinds(elements('huber', [Number.NaN, Number.POSITIVE_INFINITY], [1, 1]), ['NaN', '+Inf']);
  });

  it('msle uses log1p: exact values, −1 gives +Inf (log 0 squared), below −1 NaN', () => {
    const got = elements('msle', [Math.E - 1, -1, -2], [0, 0, 0]);
    expect(got[0]).toBe(f(1));
    expectKinds(got.slice(1), ['+Inf', 'NaN']);
  });

  it('the articles large predictions: MSE of [1000,2000,3000] vs [1,2,3] is finite (mean 5 993 339 in float64)', () => {
    const mean = tf.tidy(() => reduceLoss(lossElements(tf.tensor1d([1000, 2000, 3000]), tf.tensor1d([1, 2, 3]), opts('mse')), 'mean').dataSync()[0]!);
    expect(mean).toBe(f((999 ** 2 + 1998 ** 2 + 2997 ** 2) / 3));
  });

  it('naive BCE: p=0,y=0 → 0·log 0 = NaN; p=0,y=1 → log 0 = −Inf term, +Inf loss; ε in both logs → finite', () => {
    const parts: Record<string, number[]> = {};
    const el = tf.tidy(() =>
      Array.from(
        lossElements(
          tf.tensor1d([0, 0, 0.5]),
          tf.tensor1d([0, 1, 1]),
          opts('bce'),
          (x) => x,
          (q, _p, t) => {
            parts[q] = Array.from(t.dataSync());
          },
        ).dataSync(),
      ),
    );
    expectKinds(parts['loss/y·log(p)']!, ['NaN', '-Inf', 'finite']);
    expect(parts['loss/y·log(p)']![2]).toBe(f(Math.log(0.5)));
    expectKinds(el, ['NaN', '+Inf', 'finite']);
    expect(el[2]).toBe(f(-Math.log(0.5)));
    const eps = elements('bce', [0, 0, 1], [0, 1, 1], { epsPlacement: 'both' });
    expect(eps.map((v) => Number.isFinite(v))).toEqual([true, true, true]);
    expect(eps[1]).toBeCloseTo(-Math.log(1e-7), 4); // −log ε ≈ 16.118
  });

  it('naive BCE with ε in one log only still gives NaN when p = 1 and y = 1: (1−1)·log(0)', () => {
    expectKinds(elements('bce', [1, 0], [1, 1], { epsPlacement: 'one' }), ['NaN', 'finite']);
  });

  it('the articles log-loss example [0,1,0,0] vs [0,1,0,1] is non-finite (3 NaN, 1 +Inf)', () => {
    expect(countNonFinite(elements('bce', [0, 1, 0, 0], [0, 1, 0, 1]))).toEqual({ nan: 3, posInf: 1, negInf: 0 });
  });

  it('stable BCE from logits stays finite at ±100 and matches log(1+e^−z)', () => {
    const got = elements('bceLogits', [100, -100, 0], [0, 1, 1]);
    expect(got).toEqual([100, 100, f(Math.log(2))]);
  });

  it('ratio loss: e²/(e²+ε); ε = 0 and e = 0 gives 0/0 = NaN', () => {
    expect(elements('ratio', [2], [1], { eps: 1 })).toEqual([0.5]);
    expectKind(elements('ratio', [1], [1], { eps: 0 })[0]!, 'NaN');
  });

  it('reductions: mean, sum then divide, sum', () => {
    const r = (red: 'mean' | 'sumThenDivide' | 'sum'): number => tf.tidy(() => reduceLoss(tf.tensor1d([1, 2, 3, 6]), red).dataSync()[0]!);
    expect([r('mean'), r('sumThenDivide'), r('sum')]).toEqual([3, 3, 12]);
  });

  it('squares that fit but sum past 3.4e38: sum and sum-then-divide overflow, cpu mean does not', () => {
    const r = (red: 'mean' | 'sumThenDivide' | 'sum'): number =>
      tf.tidy(() => reduceLoss(lossElements(tf.tensor1d([1.5e19, 1.5e19]), tf.tensor1d([0, 0]), opts('mse')), red).dataSync()[0]!);
    expectKind(r('sum'), '+Inf');
    expectKind(r('sumThenDivide'), '+Inf');
    // cpu's mean divides each element before summing (docs/BACKENDS.md): 2.25e38 stays finite here.
    expect(r('mean')).toBe(f(f(1.5e19) ** 2));
  });
});
