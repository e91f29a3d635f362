/**
 * The stability map drawn on a canvas: one square per cell coloured by the step of its first
 * non-finite value (mapColours.ts) with a glyph for its kind, light grey where the run stayed
 * finite; cells still to come faintly in their nearest computed neighbour's colour, so the boundary
 * shows while the map fills. The scenario on screen is outlined, values past a slider's usual end
 * are fenced off by a dashed line, and the ticks, axis titles and legend are drawn with it, so the
 * PNG export is the canvas itself. A canvas, not SVG: a 32 × 32 map redrawn several times a second
 * as cells arrive is 1,024 squares, and the SVG elements' reconciliation and layout came to long
 * tasks of 50–100 ms on two cores (docs/ARCHITECTURE.md, "Charts").
 */
import { axisPosition, axisValues, fieldLabel, isLogAxis, mapField, type MapAxis, type MapCell, type MapSpec } from '../scenarios/stabilityGrid';
import { FINITE_COLOUR, PENDING_COLOUR, stepColour, stepShare, textOn, viridis } from './mapColours';

const MARGIN = { top: 8, right: 12, bottom: 46, left: 64 };
const LEGEND = 50;
const MAX_SIDE = 400;
const FONT = 'system-ui, sans-serif';
/** One character per kind (the minus is U+2212, as everywhere a −Inf is shown); ! for a cell that could not run. */
const GLYPH = { NaN: 'N', '+Inf': '+', '-Inf': '−' } as const;

export interface MapLayout {
  nx: number;
  ny: number;
  /** Side of one cell in CSS pixels. */
  side: number;
  plot: { x: number; y: number; w: number; h: number };
  width: number;
  height: number;
}

/** Where everything goes in a box `width` wide: square cells, as large as fit up to a 440 px map. */
export function mapLayout(width: number, nx: number, ny: number): MapLayout {
  const side = Math.max(4, Math.floor(Math.min((width - MARGIN.left - MARGIN.right) / nx, MAX_SIDE / Math.max(nx, ny))));
  const plot = { x: MARGIN.left, y: MARGIN.top, w: side * nx, h: side * ny };
  return { nx, ny, side, plot, width: plot.x + plot.w + MARGIN.right, height: plot.y + plot.h + MARGIN.bottom + LEGEND };
}

/** The top-left corner of cell (i, j): column i from the left, row j from the bottom (the lowest y at the foot). */
export function cellOrigin(l: MapLayout, i: number, j: number): { x: number; y: number } {
  return { x: l.plot.x + i * l.side, y: l.plot.y + (l.ny - 1 - j) * l.side };
}

/** The cell under the point (x, y) in CSS pixels from the canvas's corner, or null outside the cells. */
export function cellAt(l: MapLayout, x: number, y: number): { i: number; j: number } | null {
  const i = Math.floor((x - l.plot.x) / l.side);
  const j = l.ny - 1 - Math.floor((y - l.plot.y) / l.side);
  return i >= 0 && i < l.nx && j >= 0 && j < l.ny ? { i, j } : null;
}

export interface MapPicture {
  spec: MapSpec;
  /** Row by row (j · nx + i); null where not computed yet. */
  cells: readonly (MapCell | null)[];
  steps: number;
  current: { i: number; j: number } | null;
  active: { i: number; j: number } | null;
  /** A computed cell to stand in for one still to come, or null. */
  preview(i: number, j: number): MapCell | null;
}

export function cellColour(c: MapCell | null, steps: number): string {
  if (!c || c.error) return PENDING_COLOUR;
  return c.firstNonFinite === null ? FINITE_COLOUR : stepColour(c.firstNonFinite, steps);
}

/** A tick's value in three digits at most: 5.34e7 rather than 53400000, 0.0658, 1e11. */
export function tickText(v: number): string {
  const a = Math.abs(v);
  const short = Number(v.toPrecision(3));
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? short.toExponential().replace('e+', 'e') : String(short);
}

/** Up to five labelled columns or rows: both ends, the middle and the quarters. */
function tickIndices(n: number): number[] {
  return [...new Set([0, Math.round((n - 1) / 4), Math.round((n - 1) / 2), Math.round((3 * (n - 1)) / 4), n - 1])];
}

/** The fractional cell index where a field's slider range ends on this axis, or null when the axis stays within it. */
export function usualEdge(axis: MapAxis): number | null {
  const usual = mapField(axis.key)?.range.usualMax;
  if (usual === undefined || usual >= axis.max) return null;
  return axisPosition(axis, Math.max(usual, axis.min));
}

function drawCells(ctx: CanvasRenderingContext2D, l: MapLayout, p: MapPicture): void {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `${Math.min(14, Math.round(l.side * 0.55))}px ${FONT}`;
  for (let j = 0; j < l.ny; j += 1) {
    for (let i = 0; i < l.nx; i += 1) {
      const c = p.cells[j * l.nx + i] ?? null;
      const { x, y } = cellOrigin(l, i, j);
      const stand = c ? null : p.preview(i, j);
      const colour = cellColour(c ?? stand, p.steps);
      ctx.globalAlpha = c ? 1 : 0.35;
      ctx.fillStyle = colour;
      ctx.fillRect(x, y, l.side, l.side);
      ctx.globalAlpha = 1;
      const glyph = c?.error ? '!' : c?.kind ? GLYPH[c.kind] : null;
      if (glyph && l.side >= 10) {
        ctx.fillStyle = c?.error ? '#000' : textOn(colour);
        ctx.fillText(glyph, x + l.side / 2, y + l.side / 2 + 1);
      }
    }
  }
}

function drawMarks(ctx: CanvasRenderingContext2D, l: MapLayout, p: MapPicture): void {
  const edgeX = usualEdge(p.spec.x);
  const edgeY = usualEdge(p.spec.y);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  if (edgeX !== null) {
    const x = cellOrigin(l, edgeX, 0).x + l.side / 2;
    ctx.moveTo(x, l.plot.y);
    ctx.lineTo(x, l.plot.y + l.plot.h);
  }
  if (edgeY !== null) {
    const y = cellOrigin(l, 0, edgeY).y + l.side / 2;
    ctx.moveTo(l.plot.x, y);
    ctx.lineTo(l.plot.x + l.plot.w, y);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  const outline = (at: { i: number; j: number }, colour: string, width: number): void => {
    const { x, y } = cellOrigin(l, at.i, at.j);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.strokeRect(x + width / 2, y + width / 2, l.side - width, l.side - width);
  };
  if (p.current) outline(p.current, '#000', 2.5);
  if (p.active) outline(p.active, '#0072b2', 2);
}

function drawAxes(ctx: CanvasRenderingContext2D, l: MapLayout, spec: MapSpec): void {
  const xs = axisValues(spec.x);
  const ys = axisValues(spec.y);
  const title = (a: MapAxis): string => `${fieldLabel(a.key)}${isLogAxis(a) ? ' (log)' : ''} →`;
  ctx.fillStyle = '#333';
  ctx.font = `10px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (const i of tickIndices(l.nx)) ctx.fillText(tickText(xs[i]!), cellOrigin(l, i, 0).x + l.side / 2, l.plot.y + l.plot.h + 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const j of tickIndices(l.ny)) ctx.fillText(tickText(ys[j]!), l.plot.x - 6, cellOrigin(l, 0, j).y + l.side / 2);
  ctx.fillStyle = '#222';
  ctx.font = `12px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const past = usualEdge(spec.x) !== null || usualEdge(spec.y) !== null ? '   (dashed: past the slider’s range)' : '';
  ctx.fillText(`${title(spec.x)}${past}`, l.plot.x + l.plot.w / 2, l.plot.y + l.plot.h + 32);
  ctx.save();
  ctx.translate(14, l.plot.y + l.plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(title(spec.y), 0, 0);
  ctx.restore();
}

/** The colour bar (the step of the first non-finite value, by decades), the finite swatch and the glyph key. */
function drawLegend(ctx: CanvasRenderingContext2D, l: MapLayout, steps: number): void {
  const x = l.plot.x;
  const y = l.plot.y + l.plot.h + MARGIN.bottom;
  const width = Math.min(200, Math.max(110, l.plot.w - 170));
  const bar = ctx.createLinearGradient(x, 0, x + width, 0);
  for (let k = 0; k <= 8; k += 1) bar.addColorStop(k / 8, viridis(k / 8));
  ctx.font = `10px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#333';
  ctx.fillText('step of the first NaN / ±Inf', x, y);
  ctx.fillStyle = bar;
  ctx.fillRect(x, y + 5, width, 11);
  ctx.fillStyle = '#333';
  ctx.textAlign = 'center';
  for (const s of [...new Set([1, Math.round(Math.sqrt(steps)), steps])]) ctx.fillText(String(s), x + stepShare(s, steps) * width, y + 28);
  ctx.textAlign = 'left';
  ctx.fillStyle = FINITE_COLOUR;
  ctx.fillRect(x + width + 16, y + 5, 11, 11);
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + width + 16.5, y + 5.5, 10, 10);
  ctx.fillStyle = '#333';
  ctx.fillText('finite throughout', x + width + 32, y + 14);
  ctx.fillText('N NaN · + +Inf · − −Inf · ! failed', x + width + 16, y + 30);
}

/** Draw the whole map on `ctx`, whose canvas is `l.width` × `l.height` CSS pixels at `scale` device pixels each. */
export function drawMap(ctx: CanvasRenderingContext2D, l: MapLayout, p: MapPicture, scale: number): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, l.width, l.height);
  drawCells(ctx, l, p);
  drawMarks(ctx, l, p);
  drawAxes(ctx, l, p.spec);
  drawLegend(ctx, l, p.steps);
}
