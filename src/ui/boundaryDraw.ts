/**
 * The decision-boundary heat map: the classifier's P(class 1) over the plane as a diverging map
 * from Okabe–Ito orange (class 0) through white (undecided) to Okabe–Ito blue (class 1), the look
 * people know from TensorFlow Playground, with the points on top: training points filled, held-out
 * points hollow rings, so the two differ by shape and not by colour alone.
 */
import type { BoundaryPreview, PlanePoint } from '../engine/preview';
import { scratchCanvas } from './previewDraw';

const BLUE: readonly [number, number, number] = [0, 114, 178]; // #0072B2, class 1
const ORANGE: readonly [number, number, number] = [230, 159, 0]; // #E69F00, class 0
/** Non-finite outputs: a dark grey that neither class colour can be mistaken for. */
const BAD: readonly [number, number, number] = [68, 68, 68];
/** The heat map stops short of the full colour, so that points of either class stand out on it. */
const MAX_TINT = 0.7;
const POINT_RADIUS = 3;

const css = (c: readonly number[]): string => `rgb(${c.join(',')})`;

/** The heat-map colour of P(class 1) = p: white at 0.5, deeper towards either class. */
export function boundaryColour(p: number): [number, number, number, number] {
  if (!Number.isFinite(p)) return [...BAD, 255];
  const side = p >= 0.5 ? BLUE : ORANGE;
  const t = Math.min(1, Math.abs(2 * p - 1)) * MAX_TINT;
  return [Math.round(255 + (side[0] - 255) * t), Math.round(255 + (side[1] - 255) * t), Math.round(255 + (side[2] - 255) * t), 255];
}

function drawPoints(ctx: CanvasRenderingContext2D, points: PlanePoint[], extent: number, hollow: boolean): void {
  const { width: w, height: h } = ctx.canvas;
  for (const p of points) {
    const colour = css(p.label > 0.5 ? BLUE : ORANGE);
    ctx.beginPath();
    ctx.arc(((p.x1 + extent) / (2 * extent)) * w, ((extent - p.x2) / (2 * extent)) * h, POINT_RADIUS, 0, Math.PI * 2);
    ctx.fillStyle = hollow ? '#fff' : colour;
    ctx.strokeStyle = hollow ? colour : '#fff';
    ctx.lineWidth = hollow ? 2 : 1;
    ctx.fill();
    ctx.stroke();
  }
}

/** Heat map of the grid, scaled to the canvas, then the training points and the held-out points. */
export function drawBoundary(ctx: CanvasRenderingContext2D, p: BoundaryPreview): void {
  const { size, extent, values } = p.grid;
  const img = ctx.createImageData(size, size);
  let bad = 0;
  for (let i = 0; i < size * size; i++) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v)) bad += 1;
    img.data.set(boundaryColour(v), i * 4);
  }
  // The grid is drawn at its own size on the shared scratch canvas, then scaled up smoothly: the
  // boundary is a smooth function, and smoothing hides the cells without computing more of them.
  const scratch = scratchCanvas(size, size);
  scratch.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scratch.canvas, 0, 0, size, size, 0, 0, ctx.canvas.width, ctx.canvas.height);
  drawPoints(ctx, p.train, extent, false);
  drawPoints(ctx, p.test, extent, true);
  if (bad > 0) {
    ctx.fillStyle = css(BAD);
    ctx.font = 'bold 12px system-ui, sans-serif';
    ctx.fillText(`${bad} cells NaN/Inf`, 6, ctx.canvas.height - 6);
  }
}
