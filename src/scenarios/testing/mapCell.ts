/** A stability-map cell for tests: finite, at (i, j) with x = i and y = j, unless told otherwise. */
import type { MapCell } from '../stabilityGrid';

export function mapCell(i: number, j: number, over: Partial<MapCell> = {}): MapCell {
  return { i, j, x: i, y: j, firstNonFinite: null, kind: null, quantity: null, finalLoss: 0.5, ...over };
}
