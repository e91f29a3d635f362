/**
 * Canvas drawing for the previews. Non-finite values are drawn as a hatched red cell or skipped
 * with a note, never as a silent blank, so a NaN reconstruction is visible as such.
 */
const BLUE = '#0072B2';
const ORANGE = '#E69F00';
const BAD = '#D55E00';

function clear(ctx: CanvasRenderingContext2D): void {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
}

function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-12) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

function note(ctx: CanvasRenderingContext2D, text: string): void {
  ctx.fillStyle = BAD;
  ctx.font = 'bold 12px system-ui, sans-serif';
  ctx.fillText(text, 6, ctx.canvas.height - 6);
}

/** Data points (blue dots) and the model's fitted line (orange). */
export function drawRegression(ctx: CanvasRenderingContext2D, points: { x: number; y: number; pred: number }[], line: { x: number; y: number }[]): void {
  clear(ctx);
  const { width: w, height: h } = ctx.canvas;
  const [x0, x1] = extent(points.map((p) => p.x));
  const [y0, y1] = extent([...points.map((p) => p.y), ...line.map((p) => p.y)]);
  const px = (x: number) => 8 + ((x - x0) / (x1 - x0)) * (w - 16);
  const py = (y: number) => h - 8 - ((y - y0) / (y1 - y0)) * (h - 16);
  ctx.fillStyle = BLUE;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    ctx.beginPath();
    ctx.arc(px(p.x), py(p.y), 2.5, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.strokeStyle = ORANGE;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  let started = false;
  let bad = 0;
  for (const p of line) {
    if (!Number.isFinite(p.y)) {
      bad += 1;
      started = false;
      continue;
    }
    if (!started) ctx.moveTo(px(p.x), py(p.y));
    else ctx.lineTo(px(p.x), py(p.y));
    started = true;
  }
  ctx.stroke();
  if (bad > 0) note(ctx, `${bad} predictions are NaN/Inf`);
}

let scratch: OffscreenCanvasRenderingContext2D | null = null;

/**
 * One scratch canvas for every image preview, grown as needed. A new canvas per draw cost 10–40 ms
 * each on a software GPU (context creation and a first upload); `willReadFrequently` keeps this one
 * in CPU memory, where putImageData is a copy.
 */
export function scratchCanvas(width: number, height: number): OffscreenCanvasRenderingContext2D {
  if (!scratch || scratch.canvas.width < width || scratch.canvas.height < height) {
    const canvas = new OffscreenCanvas(Math.max(width, scratch?.canvas.width ?? 0), Math.max(height, scratch?.canvas.height ?? 0));
    scratch = canvas.getContext('2d', { willReadFrequently: true });
    if (!scratch) throw new Error('2D canvas is not available');
  }
  return scratch;
}

/** A row of cells coloured by value (grey scale), NaN/Inf cells in red. */
export function drawImage(ctx: CanvasRenderingContext2D, values: number[], width: number, height: number, range?: [number, number]): void {
  clear(ctx);
  const [lo, hi] = range ?? extent(values);
  const img = ctx.createImageData(width, height);
  let bad = 0;
  for (let i = 0; i < width * height; i++) {
    const v = values[i] ?? 0;
    const o = i * 4;
    if (!Number.isFinite(v)) {
      bad += 1;
      img.data.set([213, 94, 0, 255], o);
      continue;
    }
    const g = Math.round(255 * Math.min(1, Math.max(0, (v - lo) / (hi - lo || 1))));
    img.data.set([g, g, g, 255], o);
  }
  // Draw at native size on a scratch canvas, then scale up without smoothing (crisp pixels).
  const scratch = scratchCanvas(width, height);
  scratch.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch.canvas, 0, 0, width, height, 0, 0, ctx.canvas.width, ctx.canvas.height);
  if (bad > 0) note(ctx, `${bad} NaN/Inf`);
}

/** Pairs of bars: reference (blue) and model output (orange), for vectors and probabilities. */
export function drawPairs(ctx: CanvasRenderingContext2D, reference: number[], output: number[]): void {
  clear(ctx);
  const { width: w, height: h } = ctx.canvas;
  const n = Math.min(reference.length, output.length, 40);
  const [lo, hi] = extent([...reference.slice(0, n), ...output.slice(0, n), 0]);
  const py = (v: number) => h - 14 - ((v - lo) / (hi - lo)) * (h - 22);
  const slot = (w - 8) / Math.max(1, n);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const x = 4 + i * slot;
    for (const [j, v, c] of [
      [0, reference[i]!, BLUE],
      [1, output[i]!, ORANGE],
    ] as const) {
      if (!Number.isFinite(v)) {
        bad += 1;
        ctx.fillStyle = BAD;
        ctx.fillRect(x + j * slot * 0.45, 4, slot * 0.4, 6);
        continue;
      }
      ctx.fillStyle = c;
      const top = Math.min(py(v), py(0));
      ctx.fillRect(x + j * slot * 0.45, top, slot * 0.4, Math.max(1, Math.abs(py(v) - py(0))));
    }
  }
  if (bad > 0) note(ctx, `${bad} NaN/Inf values`);
}
