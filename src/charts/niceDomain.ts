/**
 * Axis domains rounded outward to round values, so the axes change only when the data crosses a
 * round boundary, not on every new step (and tick labels stay round numbers).
 */
import type { ChartScale } from '../state/appState';

/** The smallest of 1, 2, 5 × 10^k that is ≥ n (at least 10). */
export function niceStepCeil(n: number): number {
  if (!(n > 10)) return 10;
  const mag = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * mag >= n) return m * mag;
  return 10 * mag;
}

/** [lo, hi] in axis space, widened to half decades (log/symlog) or to round linear steps. */
export function niceAxisRange(lo: number, hi: number, scale: ChartScale): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (scale !== 'linear') {
    let a = Math.floor(lo * 2) / 2;
    let b = Math.ceil(hi * 2) / 2;
    if (b - a < 1) {
      a = Math.floor(a);
      b = a + 1;
    }
    return [a, b];
  }
  const span = hi - lo || Math.abs(hi) || 1;
  const step = 10 ** Math.floor(Math.log10(span / 2));
  return [
    Math.floor(lo / step) * step,
    Math.ceil(hi / step) * step === Math.floor(lo / step) * step ? Math.floor(lo / step) * step + step : Math.ceil(hi / step) * step,
  ];
}

/**
 * Ticks for a step axis [0, xmax] where xmax comes from niceStepCeil: fifths of 1, 2 or 5 × 10^k
 * are round numbers.
 */
export function stepTicks(xmax: number): number[] {
  return Array.from({ length: 6 }, (_, i) => Number(((xmax * i) / 5).toPrecision(12)));
}

/** Ticks for a zoomed step range: whole multiples of 1, 2 or 5 × 10^k, about five of them, inside [from, to]. */
export function rangeTicks(from: number, to: number): number[] {
  const rough = (to - from) / 5;
  const mag = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}
