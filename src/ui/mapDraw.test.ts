import { describe, expect, it } from 'vitest';
import { cellAt, cellColour, cellOrigin, mapLayout, tickText, usualEdge } from './mapDraw';

describe('map layout', () => {
  it('square cells as large as fit, up to a 400 px map', () => {
    expect(mapLayout(600, 12, 12).side).toBe(33);
    expect(mapLayout(300, 12, 12).side).toBe(18);
    expect(mapLayout(2000, 32, 8).side).toBe(12);
  });

  it('writes ticks in three digits at most', () => {
    expect([53400000, 351000, 1e11, 0.0658, 2.85, 0, 1.5e-4].map(tickText)).toEqual(['5.34e7', '3.51e5', '1e11', '0.0658', '2.85', '0', '1.5e-4']);
  });

  it('puts row 0 at the foot and finds the cell under a point, none outside', () => {
    const l = mapLayout(600, 4, 3);
    const foot = cellOrigin(l, 0, 0);
    expect(foot.y).toBeGreaterThan(cellOrigin(l, 0, 2).y);
    expect(cellAt(l, foot.x + 1, foot.y + 1)).toEqual({ i: 0, j: 0 });
    const top = cellOrigin(l, 3, 2);
    expect(cellAt(l, top.x + l.side - 1, top.y + 1)).toEqual({ i: 3, j: 2 });
    expect(cellAt(l, l.plot.x - 1, foot.y + 1)).toBeNull();
    expect(cellAt(l, foot.x + 1, l.plot.y + l.plot.h + 1)).toBeNull();
  });

  it("fences off values past a slider's end, where the axis goes there", () => {
    expect(usualEdge({ key: 'lr', min: 1, max: 1e8, cells: 9 })).toBeCloseTo(4);
    expect(usualEdge({ key: 'lr', min: 1e-4, max: 1, cells: 9 })).toBeNull();
    expect(usualEdge({ key: 'momentum', min: 0, max: 0.9, cells: 9 })).toBeNull();
  });

  it('colours a finite cell grey, a flagged one on the scale, a failed or missing one white', () => {
    const base = { i: 0, j: 0, x: 1, y: 1, kind: null, quantity: null, finalLoss: 0 };
    expect(cellColour({ ...base, firstNonFinite: null }, 50)).toBe('#e6e6e6');
    expect(cellColour({ ...base, firstNonFinite: 1, kind: 'NaN' }, 50)).toBe('#440154');
    expect(cellColour({ ...base, firstNonFinite: null, error: 'x' }, 50)).toBe('#ffffff');
    expect(cellColour(null, 50)).toBe('#ffffff');
  });
});
