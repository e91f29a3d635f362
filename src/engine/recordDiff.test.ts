import { describe, expect, it } from 'vitest';
import { stepRecord } from './testing/stepRecord';
import { firstDifference, relativeDifference } from './recordDiff';

describe('relativeDifference', () => {
  it.each([
    [1, 1, 0],
    [0, 0, 0],
    [2, 1, 0.5],
    [-1, 1, 2],
    [Number.NaN, Number.NaN, 0],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0],
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    [Number.NaN, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    [3.2e36, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(relativeDifference(a, b)).toBe(expected);
  });
});

describe('firstDifference', () => {
  const base = stepRecord(5, { activationMax: { dense1: 2 }, gradNorms: { 'dense1/kernel': 1 }, weightNorms: { 'dense1/kernel': 3 } });

  it('is null for identical records', () => {
    expect(firstDifference(base, { ...base })).toBeNull();
  });

  it('names the first quantity in computation order that differs: forward before loss before gradients', () => {
    const later = { ...base, loss: 0.3, weightNorms: { 'dense1/kernel': 3.1 } };
    expect(firstDifference(base, later)?.quantity).toBe('loss');
    const forward = { ...later, activationMax: { dense1: 2.5 } };
    expect(firstDifference(base, forward)).toEqual({ quantity: 'forward max |x| dense1', a: 2, b: 2.5, relative: 0.2 });
  });

  it('with a threshold, skips quantities that differ by less', () => {
    const b = { ...base, loss: base.loss * (1 + 1e-9), gradNorm: 2 };
    expect(firstDifference(base, b)?.quantity).toBe('loss');
    expect(firstDifference(base, b, 1e-6)?.quantity).toBe('gradient norm');
  });

  it('sees a finite value against +Inf as different, NaN against NaN as the same', () => {
    const a = { ...base, loss: Number.NaN, gradNorm: 7 };
    expect(firstDifference(a, { ...a, gradNorm: Number.POSITIVE_INFINITY })?.quantity).toBe('gradient norm');
  });
});
