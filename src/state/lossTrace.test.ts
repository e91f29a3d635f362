import { describe, expect, it } from 'vitest';
import { expectKind } from '../engine/testing/nonFinite';
import { LossTrace } from './lossTrace';
import { NanSafeEma } from './series';

function trace(points: [step: number, loss: number][]): LossTrace {
  const t = new LossTrace();
  for (const [s, l] of points) t.push(s, l);
  return t;
}

describe('LossTrace', () => {
  it('reads the exact loss of a step, non-finite kinds included, past the first growth', () => {
    const t = new LossTrace();
    for (let s = 1; s <= 3000; s++) t.push(s, s === 2500 ? Number.NEGATIVE_INFINITY : 1 / s);
    expect(t.length).toBe(3000);
    expect(t.lossAt(1234)).toBe(1 / 1234);
    expectKind(t.lossAt(2500)!, '-Inf');
    expect(t.lossAt(0)).toBeUndefined();
    expect(t.lossAt(3001)).toBeUndefined();
    expect(t.losses()).toHaveLength(3000);
    expect(t.losses()[1233]).toBe(1 / 1234);
  });

  it('finds the nearest recorded step in a run with gaps', () => {
    const t = trace([
      [1, 1],
      [2, 1],
      [10, 1],
      [20, 1],
    ]);
    expect([t.nearestStep(-5), t.nearestStep(6), t.nearestStep(7), t.nearestStep(15), t.nearestStep(99)]).toEqual([1, 2, 10, 10, 20]);
    expect(t.lossAt(5)).toBeUndefined();
    expect(new LossTrace().nearestStep(3)).toBeNull();
  });

  it('smooths as the chart does: the EMA from the start of the run, NaN passed through', () => {
    const losses = [4, 2, Number.NaN, 1, 3];
    const t = trace(losses.map((l, i) => [i + 1, l]));
    const ema = new NanSafeEma(0.6);
    const expected = losses.map((l) => ema.push(l));
    expect(t.smoothedAt(4, 0.6)).toBe(expected[3]);
    expectKind(t.smoothedAt(3, 0.6)!, 'NaN');
  });

  it('gives the steps of a range at full resolution, smoothed from the start', () => {
    const t = new LossTrace();
    for (let s = 1; s <= 100; s++) t.push(s, s);
    const raw = t.seriesIn(40, 44, 600);
    expect(raw.points().map((p) => p.step)).toEqual([40, 41, 42, 43, 44]);
    const smooth = t.seriesIn(40, 40, 600, 0.5);
    const ema = new NanSafeEma(0.5);
    let v = 0;
    for (let s = 1; s <= 40; s++) v = ema.push(s);
    expect(smooth.points()).toEqual([{ step: 40, value: v }]);
  });
});
