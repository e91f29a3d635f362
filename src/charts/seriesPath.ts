/** SVG path data for a downsampled series, given the chart's scales (pixels out, data in). */
import type { ChartScale } from '../state/appState';
import { toAxis } from './scales';
import type { MinMaxSeries } from '../state/series';

export type Scale = (value: number) => number | undefined;

export function seriesPath(s: MinMaxSeries, x: Scale, y: Scale, scale: ChartScale): string {
  const parts: string[] = [];
  for (const p of s.points()) {
    const px = x(p.step);
    const py = y(toAxis(p.value, scale));
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
  }
  return parts.join('');
}

/** The finite axis-space extent of some series: [lo, hi], or null when there is nothing finite. */
export function axisExtent(series: readonly MinMaxSeries[], scale: ChartScale): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    for (const p of s.points()) {
      const v = toAxis(p.value, scale);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}
