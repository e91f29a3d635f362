/**
 * Data-to-pixel mapping for the live charts: a step axis [0, xmax] and a y axis in axis space
 * (already log- or symlog-transformed, see scales.ts), inside a chart's plot area (ChartFrame.tsx).
 */
import type { ChartScale } from '../state/appState';
import { niceAxisRange, niceStepCeil, rangeTicks, stepTicks } from './niceDomain';
import { axisTicks } from './scales';
import type { MinMaxSeries } from '../state/series';
import { axisExtent } from './seriesPath';

export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The data range a chart shows: steps xmin..xmax (xmin 0 unless zoomed), axis values ylo..yhi (bottom to top). */
export interface PlotDomain {
  xmin?: number;
  xmax: number;
  ylo: number;
  yhi: number;
}

/** A zoomed step range, both ends included. */
export interface StepRange {
  from: number;
  to: number;
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
  /** The step (fractional) under pixel x: the inverse of x. */
  stepAt: (px: number) => number;
}

/** The mapping for one area and domain; null while the area has no size yet (first layout). */
export function plotFor(area: PlotArea | undefined, d: PlotDomain): Plot | null {
  if (!area || !(area.width > 0) || !(area.height > 0)) return null;
  const { x: left, y: top, width, height } = area;
  const bottom = top + height;
  const xmin = d.xmin ?? 0;
  const xspan = d.xmax > xmin ? d.xmax - xmin : 1;
  const yspan = d.yhi > d.ylo ? d.yhi - d.ylo : 1;
  return {
    left,
    right: left + width,
    top,
    bottom,
    x: (step) => left + ((step - xmin) / xspan) * width,
    y: (v) => bottom - ((v - d.ylo) / yspan) * height,
    stepAt: (px) => xmin + ((px - left) / width) * xspan,
  };
}

/**
 * The rounded domain of some series as a string ("lo|hi|xmax", lo and hi in axis space), so that a
 * chart's axes re-render only when it changes, not on every new step.
 */
export function domainKey(lines: readonly MinMaxSeries[], scale: ChartScale, lastStep: number): string {
  return `${yKey(lines, scale)}|${niceStepCeil(lastStep)}`;
}

/** The key of a zoomed chart: the rounded y range of what the zoom shows, and the zoomed steps exactly. */
export function zoomDomainKey(lines: readonly MinMaxSeries[], scale: ChartScale, zoom: StepRange): string {
  return `${yKey(lines, scale)}|${zoom.from}|${zoom.to}`;
}

function yKey(lines: readonly MinMaxSeries[], scale: ChartScale): string {
  const extent = axisExtent(lines, scale);
  const [lo, hi] = extent ? niceAxisRange(extent[0], extent[1], scale) : [0, 1];
  return `${lo}|${hi}`;
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
  const parts = key.split('|').map(Number);
  const [lo = 0, hi = 1] = parts;
  // Three parts: the whole run from step 0; four: a zoomed range.
  const [xmin, xmax] = parts.length === 4 ? [parts[2]!, parts[3]!] : [0, parts[2] ?? 10];
  const xTicks = parts.length === 4 ? rangeTicks(xmin, xmax) : stepTicks(xmax);
  return { lo, hi, domain: { xmin, xmax, ylo: lo, yhi: hi + (hi - lo) * headroom }, xTicks, yTicks: axisTicks(lo, hi, scale) };
}
