import { describe, expect, it } from 'vitest';
import { axisTicks, fromAxis, toAxis } from './scales';

describe('toAxis / fromAxis', () => {
  it('round-trips on every scale', () => {
    for (const scale of ['linear', 'log', 'symlog'] as const) {
      for (const v of [0.001, 1, 42, 1e9]) expect(fromAxis(toAxis(v, scale), scale)).toBeCloseTo(v, 6 - Math.log10(v));
    }
  });
  it('log never returns -Infinity for zero or negative values', () => {
    expect(Number.isFinite(toAxis(0, 'log'))).toBe(true);
    expect(Number.isFinite(toAxis(-5, 'log'))).toBe(true);
  });
  it('symlog keeps the sign', () => {
    expect(toAxis(-99, 'symlog')).toBeCloseTo(-2);
    expect(toAxis(0, 'symlog')).toBe(0);
  });
});

describe('axisTicks', () => {
  it('gives whole decades on log scales', () => {
    expect(axisTicks(-2.3, 1.7, 'log')).toEqual([-2, -1, 0, 1]);
  });
  it('gives round linear ticks inside the range', () => {
    const ticks = axisTicks(0, 10, 'linear');
    expect(ticks[0]).toBe(0);
    expect(ticks.every((t) => t >= 0 && t <= 10)).toBe(true);
  });
});
