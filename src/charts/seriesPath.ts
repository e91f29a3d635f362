/** SVG path data for a downsampled series, given the chart's scales (pixels out, data in). */
import type { ChartScale } from '../state/appState';
import { toAxis } from './scales';
import type { MinMaxSeries } from '../state/series';

export type Scale = (value: number) => number | undefined;

/**
 * On a log axis a value of 0 (or below) has no place: it is not drawn at a made-up 1e-30, it goes on
 * the chart's zero rail (zeroPoints), and the line breaks there instead of diving to it.
 */
export const offLogAxis = (value: number, scale: ChartScale): boolean => scale === 'log' && value <= 0;

export function seriesPath(s: MinMaxSeries, x: Scale, y: Scale, scale: ChartScale): string {
  const parts: string[] = [];
  let pen: 'M' | 'L' = 'M';
  for (const p of s.points()) {
    if (offLogAxis(p.value, scale)) {
      pen = 'M';
      continue;
    }
    const px = x(p.step);
    const py = y(toAxis(p.value, scale));
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    parts.push(`${pen}${px.toFixed(1)},${py.toFixed(1)}`);
    pen = 'L';
  }
  return parts.join('');
}

/** The steps whose value a log axis cannot show (0 or below), for the zero rail. */
export function zeroPoints(s: MinMaxSeries, scale: ChartScale): { step: number; value: number }[] {
  return scale === 'log' ? s.points().filter((p) => p.value <= 0) : [];
}

/** The finite axis-space extent of some series: [lo, hi], or null when there is nothing finite. */
export function axisExtent(series: readonly MinMaxSeries[], scale: ChartScale): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    for (const p of s.points()) {
      if (offLogAxis(p.value, scale)) continue;
      const v = toAxis(p.value, scale);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}
