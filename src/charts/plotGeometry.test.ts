import { describe, expect, it } from 'vitest';
import { rangeTicks } from './niceDomain';
import { axesFor, domainKey, plotFor, zoomDomainKey } from './plotGeometry';
import { seriesPath, zeroPoints } from './seriesPath';
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
    expect(axes.domain).toEqual({ xmin: 0, xmax: 50, ylo: -3, yhi: 0.48 });
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

describe('zoomed axes', () => {
  it('show exactly the zoomed steps with round ticks inside them, and map pixels back to steps', () => {
    const s = new MinMaxSeries(100);
    [0.5, 0.4, 0.3].forEach((v, i) => s.push(120 + i, v));
    const key = zoomDomainKey([s], 'log', { from: 113, to: 187 });
    const axes = axesFor(key, 'log');
    expect(axes.domain).toMatchObject({ xmin: 113, xmax: 187 });
    expect(axes.xTicks).toEqual([120, 140, 160, 180]);
    const plot = plotFor({ x: 10, y: 0, width: 740, height: 100 }, axes.domain)!;
    expect(plot.x(113)).toBe(10);
    expect(plot.x(187)).toBe(750);
    expect(plot.stepAt(plot.x(150))).toBeCloseTo(150, 9);
  });

  it('keep whole-step ticks on a range of a few steps', () => {
    expect(rangeTicks(3, 7)).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('exact zeros on a log axis', () => {
  it('leave the axis range alone and break the line instead of diving to a made-up 1e-30', () => {
    const s = new MinMaxSeries(100);
    [0.5, 0.2, 0, 0, 0.1].forEach((v, i) => s.push(i + 1, v));
    expect(domainKey([s], 'log', 5)).toBe('-1|0|10');
    const path = seriesPath(
      s,
      (x) => x,
      (y) => y,
      'log',
    );
    expect(path.match(/M/g)).toHaveLength(2);
    expect(zeroPoints(s, 'log').map((p) => p.step)).toEqual([3, 4]);
    expect(zeroPoints(s, 'linear')).toEqual([]);
  });
});
