import { describe, expect, it } from 'vitest';
import { MinMaxSeries, NanSafeEma } from './series';

describe('MinMaxSeries', () => {
  it('keeps every point while under the bound', () => {
    const s = new MinMaxSeries(2000);
    for (let i = 1; i <= 500; i++) s.push(i, i * 2);
    expect(s.points()).toHaveLength(500);
    expect(s.points()[0]).toEqual({ step: 1, value: 2 });
  });

  it('never returns more than maxPoints, however long the run', () => {
    const s = new MinMaxSeries(2000);
    for (let i = 1; i <= 100_000; i++) s.push(i, Math.sin(i));
    expect(s.points().length).toBeLessThanOrEqual(2000);
    expect(s.points().length).toBeGreaterThan(1000);
    expect(s.length).toBe(100_000);
  });

  it('keeps the extremes of every bucket (a spike survives downsampling)', () => {
    const s = new MinMaxSeries(100);
    for (let i = 1; i <= 10_000; i++) s.push(i, i === 7777 ? 1e6 : i === 3333 ? -1e6 : 1);
    const values = s.points().map((p) => p.value);
    expect(Math.max(...values)).toBe(1e6);
    expect(Math.min(...values)).toBe(-1e6);
    expect(s.points().find((p) => p.value === 1e6)?.step).toBe(7777);
  });

  it('returns points in step order', () => {
    const s = new MinMaxSeries(50);
    for (let i = 1; i <= 5000; i++) s.push(i, Math.cos(i / 10));
    const steps = s.points().map((p) => p.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('keeps non-finite values out of the points and reports them as markers by kind', () => {
    const s = new MinMaxSeries(2000);
    s.push(1, 1);
    s.push(2, Number.NaN);
    s.push(3, Number.POSITIVE_INFINITY);
    s.push(4, Number.NEGATIVE_INFINITY);
    expect(s.points()).toEqual([{ step: 1, value: 1 }]);
    expect(s.markers()).toEqual([
      { step: 2, kind: 'NaN' },
      { step: 3, kind: '+Inf' },
      { step: 4, kind: '-Inf' },
    ]);
    expect(s.firstNonFinite).toEqual({ step: 2, kind: 'NaN' });
  });

  it('bounds the markers too and keeps the exact first non-finite step', () => {
    const s = new MinMaxSeries(200);
    for (let i = 1; i <= 50_000; i++) s.push(i, i >= 1234 ? Number.NaN : 1);
    expect(s.markers().length).toBeLessThanOrEqual(300);
    expect(s.firstNonFinite?.step).toBe(1234);
    expect(s.markers()[0]!.step).toBeLessThanOrEqual(1234);
  });

  it('costs the same to read at 1,000 and at 100,000 pushes (reading is O(buckets))', () => {
    const small = new MinMaxSeries(2000);
    const large = new MinMaxSeries(2000);
    for (let i = 1; i <= 1000; i++) small.push(i, i);
    for (let i = 1; i <= 100_000; i++) large.push(i, i);
    // Bucket counts are what a read walks over; both are bounded by maxPoints / 2.
    expect(large.points().length).toBeLessThanOrEqual(2000);
    expect(small.points().length).toBe(1000);
  });

  it('clear starts over', () => {
    const s = new MinMaxSeries(10);
    for (let i = 1; i <= 100; i++) s.push(i, Number.NaN);
    s.clear();
    s.push(1, 5);
    expect(s.points()).toEqual([{ step: 1, value: 5 }]);
    expect(s.markers()).toEqual([]);
    expect(s.firstNonFinite).toBeNull();
  });
});

describe('NanSafeEma', () => {
  it('smooths finite values and is not poisoned by NaN or Inf', () => {
    const ema = new NanSafeEma(0.5);
    expect(ema.push(2)).toBe(2);
    expect(ema.push(4)).toBe(3);
    expect(Number.isNaN(ema.push(Number.NaN))).toBe(true);
    expect(ema.push(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(ema.push(3)).toBe(3);
  });

  it('with smoothing 0 returns the input', () => {
    const ema = new NanSafeEma(0);
    expect(ema.push(7)).toBe(7);
    expect(ema.push(1)).toBe(1);
  });
});
