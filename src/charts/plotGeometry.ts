/**
 * Data-to-pixel mapping for the live charts: a step axis [0, xmax] and a y axis in axis space
 * (already log- or symlog-transformed, see scales.ts), inside a chart's plot area (ChartFrame.tsx).
 */
import type { ChartScale } from '../state/appState';
import { niceAxisRange, niceStepCeil, stepTicks } from './niceDomain';
import { axisTicks } from './scales';
import type { MinMaxSeries } from '../state/series';
import { axisExtent } from './seriesPath';

export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The data range a chart shows: steps 0..xmax, axis values ylo..yhi (bottom to top). */
export interface PlotDomain {
  xmax: number;
  ylo: number;
  yhi: number;
}

export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Pixel x of a step. */
  x: (step: number) => number;
  /** Pixel y of an axis-space value. */
  y: (axisValue: number) => number;
}

/** The mapping for one area and domain; null while the area has no size yet (first layout). */
export function plotFor(area: PlotArea | undefined, d: PlotDomain): Plot | null {
  if (!area || !(area.width > 0) || !(area.height > 0)) return null;
  const { x: left, y: top, width, height } = area;
  const bottom = top + height;
  const xspan = d.xmax > 0 ? d.xmax : 1;
  const yspan = d.yhi > d.ylo ? d.yhi - d.ylo : 1;
  return {
    left,
    right: left + width,
    top,
    bottom,
    x: (step) => left + (step / xspan) * width,
    y: (v) => bottom - ((v - d.ylo) / yspan) * height,
  };
}

/**
 * The rounded domain of some series as a string ("lo|hi|xmax", lo and hi in axis space), so that a
 * chart's axes re-render only when it changes, not on every new step.
 */
export function domainKey(lines: readonly MinMaxSeries[], scale: ChartScale, lastStep: number): string {
  const extent = axisExtent(lines, scale);
  const [lo, hi] = extent ? niceAxisRange(extent[0], extent[1], scale) : [0, 1];
  return `${lo}|${hi}|${niceStepCeil(lastStep)}`;
}

export interface ChartAxes {
  /** The rounded data range in axis space (the ticks cover it). */
  lo: number;
  hi: number;
  /** What the plot shows: the data range plus `headroom` (a fraction of it) above. */
  domain: PlotDomain;
  xTicks: number[];
  yTicks: number[];
}

/** Ticks and plot domain for a domain key; `headroom` leaves room above the data (the loss chart's rail). */
export function axesFor(key: string, scale: ChartScale, headroom = 0): ChartAxes {
  const [lo, hi, xmax] = key.split('|').map(Number) as [number, number, number];
  return { lo, hi, domain: { xmax, ylo: lo, yhi: hi + (hi - lo) * headroom }, xTicks: stepTicks(xmax), yTicks: axisTicks(lo, hi, scale) };
}
