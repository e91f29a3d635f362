/** The stability map in words: a cell's settings and outcome (hover, keyboard, its text alternative), the time left. */
import { showNumber } from '../engine/numberFormat';
import { formatNumber } from '../scenarios/codec';
import { fieldLabel, type MapCell, type MapSpec } from '../scenarios/stabilityGrid';

const KIND_WORDS = { NaN: 'NaN', '+Inf': '+Inf', '-Inf': '−Inf' } as const;

/** "Learning rate 0.0658, Input scale 8.11e9": the two settings of a cell as a link would write them. */
export function cellSettings(spec: MapSpec, cell: Pick<MapCell, 'x' | 'y'>): string {
  return `${fieldLabel(spec.x.key)} ${formatNumber(cell.x)}, ${fieldLabel(spec.y.key)} ${formatNumber(cell.y)}`;
}

/** What the cell's run showed, in one sentence with its numbers. */
export function cellOutcome(cell: MapCell, steps: number): string {
  if (cell.error) return `could not run: ${cell.error}`;
  const loss = cell.finalLoss === null ? '' : ` (loss ${showNumber(cell.finalLoss)})`;
  if (cell.firstNonFinite === null || cell.kind === null) return `finite throughout ${steps} steps${loss}`;
  return `${KIND_WORDS[cell.kind]} first in ${cell.quantity ?? 'the loss'} at step ${cell.firstNonFinite}${loss}`;
}

/** "about 12 s left", "about 3 min left"; null while there is no pace to go by. */
export function timeLeftText(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 90 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}

/**
 * The computed cell nearest to (i, j) in both directions (Chebyshev distance, the first found on a
 * tie), to paint a cell not computed yet faintly in its neighbour's colour while the map fills.
 */
export function nearestDone(cells: readonly (MapCell | null)[], nx: number, i: number, j: number): MapCell | null {
  let best: MapCell | null = null;
  let bestDistance = Infinity;
  for (const c of cells) {
    if (!c) continue;
    const d = Math.max(Math.abs(c.i - i), Math.abs(c.j - j));
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best && bestDistance < nx ? best : null;
}
