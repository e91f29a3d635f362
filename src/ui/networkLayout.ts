/**
 * Where the network diagram puts everything, from the network view and the width it has: one
 * column per layer, each in a cell of equal width with its label under it, the drawn units stacked
 * and centred (a block as tall as the log of its channels), an edge per drawn
 * weight (thicker and more opaque the larger |w| is against the largest one, blue when positive,
 * orange when negative, dashed red when not finite), plain connectors where there is no weight
 * matrix, and the U-Net's skips as arcs under the blocks (the widest lowest, so none crosses another),
 * then the labels. Pure geometry, so it is tested without a DOM.
 */
import { COLORS } from '../charts/palette';
import { MAX_DRAWN_UNITS, drawnUnits, type NetworkColumn, type NetworkView } from '../engine/networkView';

/** Room above the units for the flag's label. */
export const FLAG_ROOM = 24;
const PITCH = 20;
/** Below the units: a "+N more" line, then two label lines. */
const LABEL_ROOM = 40;
/** Cells narrower than this get numbers for labels, and the names go to the list under the diagram. */
const NAMED_CELL = 40;
const CHAR_PX = 6;
/** Vertical room per skip arc under the units. */
const SKIP_GAP = 6;

export interface ColumnLayout {
  x: number;
  /** The drawn units' centres, top to bottom. */
  units: { x: number; y: number }[];
  top: number;
  bottom: number;
  /** Units not drawn. */
  more: number;
  label: string;
  sublabel: string;
  shape: 'unit' | 'block' | 'loss';
}

export interface EdgeLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  width: number;
  opacity: number;
  dashed: boolean;
}

export interface DiagramLayout {
  width: number;
  height: number;
  radius: number;
  columns: ColumnLayout[];
  edges: EdgeLine[];
  /** SVG path data of each skip connection. */
  skips: string[];
  /** Where the labels under the columns start. */
  labelsTop: number;
  /** Each column's cell: the room its label has. */
  cell: number;
  /** The columns are too close for names: they are numbered 1…n. */
  numbered: boolean;
}

/** How an edge of weight `w` is drawn, given the largest finite |w| of the diagram. */
export function edgeStyle(w: number, maxAbs: number): Pick<EdgeLine, 'stroke' | 'width' | 'opacity' | 'dashed'> {
  if (!Number.isFinite(w)) return { stroke: COLORS.nan, width: 2, opacity: 1, dashed: true };
  const share = maxAbs > 0 ? Math.abs(w) / maxAbs : 0;
  return { stroke: w >= 0 ? COLORS.loss : COLORS.compare, width: 0.5 + 3.5 * share, opacity: 0.3 + 0.7 * share, dashed: false };
}

/** `text` cut to `px` of width at about CHAR_PX a character, with an ellipsis where cut. */
export function fitText(text: string, px: number): string {
  const chars = Math.max(1, Math.floor(px / CHAR_PX));
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/** A column's short name under it: the loss and the inputs by role, a U-Net block without its "/conv". */
function shortName(c: NetworkColumn): string {
  if (c.kind === 'input') return 'inputs';
  return c.id.replace(/\/conv$/, '');
}

function sublabel(c: NetworkColumn): string {
  if (c.kind === 'input') return c.unitNames.length > 0 ? c.unitNames.join(' ') : c.detail;
  if (c.kind === 'loss') return c.detail;
  return `${c.units} ${c.detail}`;
}

/** The largest finite |w| over every drawn edge (0 when there are none). */
function largestWeight(view: NetworkView): number {
  let max = 0;
  for (const e of view.edges) for (const w of e?.values ?? []) if (Number.isFinite(w) && Math.abs(w) > max) max = Math.abs(w);
  return max;
}

/** Rows a column takes: its drawn units; a block, 1 + log2 of its channels (4 channels 3 rows, 32 channels 6). */
function rowsOf(c: NetworkColumn): number {
  if (c.kind === 'loss') return 1;
  if (c.kind === 'block') return Math.min(MAX_DRAWN_UNITS, 1 + Math.round(Math.log2(Math.max(1, c.units))));
  return drawnUnits(c);
}

export function layoutNetwork(view: NetworkView, width: number): DiagramLayout {
  const n = view.columns.length;
  const rows = Math.max(1, ...view.columns.map(rowsOf));
  const cell = width / Math.max(1, n);
  const radius = Math.max(3, Math.min(8, cell * 0.16));
  const columns = view.columns.map((c, i): ColumnLayout => {
    const drawn = rowsOf(c);
    const x = (i + 0.5) * cell;
    const first = FLAG_ROOM + ((rows - drawn) * PITCH) / 2 + PITCH / 2;
    const units = Array.from({ length: drawn }, (_, j) => ({ x, y: first + j * PITCH }));
    const shape = c.kind === 'loss' ? 'loss' : c.kind === 'block' ? 'block' : 'unit';
    const more = shape === 'unit' ? c.units - drawn : 0;
    const [top, bottom] = [first - PITCH / 2, first + (drawn - 1) * PITCH + PITCH / 2];
    return { x, units, top, bottom, more, label: shortName(c), sublabel: sublabel(c), shape };
  });
  const maxAbs = largestWeight(view);
  const edges = columns.slice(1).flatMap((to, i): EdgeLine[] => {
    const from = columns[i]!;
    const weights = view.edges[i];
    const line = (a: { x: number; y: number }, b: { x: number; y: number }) => ({ x1: a.x + radius, y1: a.y, x2: b.x - radius, y2: b.y });
    if (weights)
      return from.units.flatMap((a, p) => to.units.map((b, q) => ({ ...line(a, b), ...edgeStyle(weights.values[p * weights.to + q] ?? NaN, maxAbs) })));
    // No weight matrix: a convolution block or an op feeds the next whole, one plain connector per pair of drawn units.
    const plain = { stroke: '#888', width: 1, opacity: 0.6, dashed: false };
    if (from.shape === 'block' || to.shape === 'block')
      return [{ ...line({ x: from.x, y: (from.top + from.bottom) / 2 }, { x: to.x, y: (to.top + to.bottom) / 2 }), ...plain }];
    return from.units.flatMap((a) => to.units.map((b) => ({ ...line(a, b), ...plain })));
  });
  const bottom = FLAG_ROOM + rows * PITCH;
  // A quadratic's lowest point lies halfway between its ends' mean and its control point.
  const bySpan = [...view.skips].sort((s, t) => s[1] - s[0] - (t[1] - t[0]));
  const skips = view.skips.map((skip) => {
    const [p, q] = [columns[skip[0]]!, columns[skip[1]]!];
    const lowest = bottom + SKIP_GAP * (1 + bySpan.indexOf(skip));
    const control = 2 * lowest - (p.bottom + q.bottom) / 2;
    return `M${p.x.toFixed(1)},${p.bottom.toFixed(1)} Q${((p.x + q.x) / 2).toFixed(1)},${control.toFixed(1)} ${q.x.toFixed(1)},${q.bottom.toFixed(1)}`;
  });
  const labelsTop = bottom + SKIP_GAP * (skips.length + (skips.length > 0 ? 1 : 0));
  return { width, height: labelsTop + LABEL_ROOM, radius, columns, edges, skips, labelsTop, cell, numbered: cell < NAMED_CELL };
}
