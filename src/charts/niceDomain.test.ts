import { describe, expect, it } from 'vitest';
import { niceAxisRange, niceStepCeil, stepTicks } from './niceDomain';

describe('niceStepCeil', () => {
  it('rounds up to 1, 2, 5 × 10^k', () => {
    expect(niceStepCeil(3)).toBe(10);
    expect(niceStepCeil(11)).toBe(20);
    expect(niceStepCeil(201)).toBe(500);
    expect(niceStepCeil(20_000)).toBe(20_000);
    expect(niceStepCeil(20_001)).toBe(50_000);
  });
});

describe('niceAxisRange', () => {
  it('widens log ranges to half decades and holds still while data moves inside them', () => {
    expect(niceAxisRange(-2.3, 0.2, 'log')).toEqual([-2.5, 0.5]);
    expect(niceAxisRange(-2.2, 0.1, 'log')).toEqual([-2.5, 0.5]);
  });
  it('contains the data on linear ranges', () => {
    const [a, b] = niceAxisRange(0.013, 0.87, 'linear');
    expect(a).toBeLessThanOrEqual(0.013);
    expect(b).toBeGreaterThanOrEqual(0.87);
  });
  it('never returns an empty or non-finite range', () => {
    const [a, b] = niceAxisRange(5, 5, 'linear');
    expect(b).toBeGreaterThan(a);
    expect(niceAxisRange(Number.NaN, 1, 'log')).toEqual([0, 1]);
  });
});

describe('stepTicks', () => {
  it('splits a round step range into fifths, ending at its end', () => {
    expect(stepTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(stepTicks(20_000)).toEqual([0, 4000, 8000, 12_000, 16_000, 20_000]);
    expect(stepTicks(niceStepCeil(31))).toEqual([0, 10, 20, 30, 40, 50]);
  });
});
