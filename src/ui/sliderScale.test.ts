import { describe, expect, it } from 'vitest';
import { beyondUsual, positionToValue, SLIDER_STEPS, sliderRange, valueToPosition } from './sliderScale';

const lr = { min: 1e-8, max: 1e4, log: true };
const eps = { min: 0, max: 1, log: true, logFloor: 1e-12 };

describe('log sliders', () => {
  it('span the range end to end', () => {
    expect(positionToValue(0, lr)).toBe(1e-8);
    expect(positionToValue(SLIDER_STEPS, lr)).toBe(1e4);
  });
  it('move by decades: the middle of 1e-8…1e4 is 1e-2', () => {
    expect(positionToValue(SLIDER_STEPS / 2, lr)).toBe(0.01);
  });
  it('round-trip positions', () => {
    for (const v of [1e-6, 0.01, 3.2, 1000]) expect(positionToValue(valueToPosition(v, lr), lr)).toBeCloseTo(v, -Math.log10(v) + 1);
  });
  it('keep position 0 for "off" when the range starts at 0', () => {
    expect(positionToValue(0, eps)).toBe(0);
    expect(valueToPosition(0, eps)).toBe(0);
    expect(positionToValue(1, eps)).toBeGreaterThan(0);
  });
});

describe('linear sliders', () => {
  it('map linearly and round integers', () => {
    expect(positionToValue(500, { min: 0, max: 0.5 })).toBe(0.25);
    expect(positionToValue(333, { min: 1, max: 3 }, true)).toBe(2);
    expect(valueToPosition(0.25, { min: 0, max: 0.5 })).toBe(500);
  });
});

describe('a range wider than its slider', () => {
  const wide = { min: 1e-8, max: 1e38, log: true, usualMax: 1e4 };
  it('ends the slider at the usual maximum and marks only the values past it', () => {
    expect(positionToValue(SLIDER_STEPS, sliderRange(wide))).toBe(1e4);
    expect(valueToPosition(1e20, sliderRange(wide))).toBe(SLIDER_STEPS);
    expect([1e4, 1e5, 1e38].map((v) => beyondUsual(v, wide))).toEqual([false, true, true]);
    expect(beyondUsual(1e20, lr)).toBe(false);
  });
});
