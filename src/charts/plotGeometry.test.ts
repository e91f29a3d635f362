import { describe, expect, it } from 'vitest';
import { plotFor } from './plotGeometry';

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
