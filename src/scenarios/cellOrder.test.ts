import { describe, expect, it } from 'vitest';
import { axisLevels, coarseToFine } from './cellOrder';

describe('axisLevels', () => {
  it('ends first, then the middle, then the middles of the halves', () => {
    expect(axisLevels(2)).toEqual([0, 0]);
    expect(axisLevels(5)).toEqual([0, 2, 1, 2, 0]);
    expect(axisLevels(12)).toEqual([0, 3, 2, 3, 4, 1, 3, 4, 2, 3, 4, 0]);
  });
});

describe('coarseToFine', () => {
  it.each([
    [2, 2],
    [3, 7],
    [12, 12],
    [32, 5],
    [32, 32],
  ])('visits every cell of %i × %i once', (nx, ny) => {
    const order = coarseToFine(nx, ny);
    expect(order).toHaveLength(nx * ny);
    expect(new Set(order.map(({ i, j }) => `${i},${j}`)).size).toBe(nx * ny);
  });

  it('starts with the four corners, then the centre lines', () => {
    expect(coarseToFine(12, 12).slice(0, 4)).toEqual([
      { i: 0, j: 0 },
      { i: 11, j: 0 },
      { i: 0, j: 11 },
      { i: 11, j: 11 },
    ]);
    expect(coarseToFine(12, 12).slice(4, 9)).toEqual([
      { i: 5, j: 0 },
      { i: 0, j: 5 },
      { i: 11, j: 5 },
      { i: 5, j: 11 },
      { i: 5, j: 5 },
    ]);
  });

  it('covers the whole grid early: after the first 25 of 144 cells, every cell has a computed one within 2 in each direction', () => {
    const done = coarseToFine(12, 12).slice(0, 25);
    for (let j = 0; j < 12; j += 1) {
      for (let i = 0; i < 12; i += 1)
        expect(
          done.some((c) => Math.abs(c.i - i) <= 2 && Math.abs(c.j - j) <= 2),
          `${i},${j}`,
        ).toBe(true);
    }
  });
});
