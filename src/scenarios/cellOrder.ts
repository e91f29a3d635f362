/**
 * The order a map's cells are computed in: coarse to fine, so the shape of the boundary shows after
 * a fraction of the cells. Each axis is cut in halves again and again (its two ends first, then the
 * middle, then the middles of the halves…); a cell's level is the finer of its column's and its
 * row's, and cells are taken level by level. After level L every cell has a computed neighbour at
 * most about n / 2^(L+1) cells away in each direction.
 */

/** The bisection level of every index 0 … n − 1: 0 for both ends, 1 for the middle, 2 for the quarters… */
export function axisLevels(n: number): number[] {
  const level = new Array<number>(n).fill(-1);
  level[0] = 0;
  level[n - 1] = 0;
  let intervals: [number, number][] = [[0, n - 1]];
  for (let depth = 1; intervals.length > 0; depth += 1) {
    const next: [number, number][] = [];
    for (const [a, b] of intervals) {
      if (b - a < 2) continue;
      const mid = Math.floor((a + b) / 2);
      level[mid] = depth;
      next.push([a, mid], [mid, b]);
    }
    intervals = next;
  }
  return level;
}

/** Every cell (i: column, j: row) of an nx × ny grid once, coarsest level first; ties row by row. */
export function coarseToFine(nx: number, ny: number): { i: number; j: number }[] {
  const li = axisLevels(nx);
  const lj = axisLevels(ny);
  const cells: { i: number; j: number; level: number; minor: number }[] = [];
  for (let j = 0; j < ny; j += 1) {
    for (let i = 0; i < nx; i += 1) cells.push({ i, j, level: Math.max(li[i]!, lj[j]!), minor: Math.min(li[i]!, lj[j]!) });
  }
  cells.sort((a, b) => a.level - b.level || a.minor - b.minor || a.j - b.j || a.i - b.i);
  return cells.map(({ i, j }) => ({ i, j }));
}
