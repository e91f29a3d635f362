import { describe, expect, it } from 'vitest';
import { axesFor, domainKey, plotFor } from './plotGeometry';
import { MinMaxSeries } from '../state/series';

describe('plotFor', () => {
  const area = { x: 70, y: 20, width: 500, height: 200 };

  it('maps step 0 and xmax to the plot edges, and the y domain bottom to top', () => {
    const p = plotFor(area, { xmax: 50, ylo: -2, yhi: 1 })!;
    expect([p.x(0), p.x(50), p.x(25)]).toEqual([70, 570, 320]);
    expect([p.y(-2), p.y(1), p.y(-0.5)]).toEqual([220, 20, 120]);
    expect([p.left, p.right, p.top, p.bottom]).toEqual([70, 570, 20, 220]);
  });

  it('is null until the area has a size, and never divides by an empty domain', () => {
    expect(plotFor(undefined, { xmax: 10, ylo: 0, yhi: 1 })).toBeNull();
    expect(plotFor({ ...area, width: 0 }, { xmax: 10, ylo: 0, yhi: 1 })).toBeNull();
    const flat = plotFor(area, { xmax: 0, ylo: 3, yhi: 3 })!;
    expect(Number.isFinite(flat.x(5)) && Number.isFinite(flat.y(3))).toBe(true);
  });
});

describe('domainKey and axesFor', () => {
  function series(values: number[]): MinMaxSeries {
    const s = new MinMaxSeries(100);
    values.forEach((v, i) => s.push(i + 1, v));
    return s;
  }

  it('rounds the finite data out to half decades and the steps up to 1, 2, 5 × 10^k', () => {
    const loss = series([0.9, 0.2, Number.NaN, 0.002]);
    const key = domainKey([loss], 'log', 31);
    expect(key).toBe('-3|0|50');
    const axes = axesFor(key, 'log', 0.16);
    expect([axes.lo, axes.hi]).toEqual([-3, 0]);
    expect(axes.domain).toEqual({ xmax: 50, ylo: -3, yhi: 0.48 });
    expect(axes.yTicks).toEqual([-3, -2, -1, 0]);
    expect(axes.xTicks).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('keeps the same key while new steps stay inside the rounded range', () => {
    const a = series([0.9, 0.2]);
    const b = series([0.9, 0.2, 0.15]);
    expect(domainKey([b], 'log', 3)).toBe(domainKey([a], 'log', 2));
  });

  it('falls back to [0, 1] when nothing is finite', () => {
    expect(domainKey([series([Number.NaN, Number.POSITIVE_INFINITY])], 'linear', 2)).toBe('0|1|10');
  });
});
