/**
 * Data-to-pixel mapping for the live charts: a step axis [0, xmax] and a y axis in axis space
 * (already log- or symlog-transformed, see scales.ts), inside the plot area Recharts lays out.
 */

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
