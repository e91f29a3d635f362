/**
 * Y-axis transforms for the charts. A plain log scale breaks on zero and negative values (and a
 * NaN domain blanks a chart), so values are transformed here and plotted on a linear axis whose
 * tick labels show the original values.
 */
import type { ChartScale } from '../state/appState';

/** log10 of anything at or below this is clamped: a loss of exactly 0 still has a place on the chart. */
const LOG_FLOOR = 1e-30;

export function toAxis(value: number, scale: ChartScale): number {
  if (scale === 'log') return Math.log10(Math.max(value, LOG_FLOOR));
  if (scale === 'symlog') return Math.sign(value) * Math.log10(1 + Math.abs(value));
  return value;
}

export function fromAxis(y: number, scale: ChartScale): number {
  if (scale === 'log') return 10 ** y;
  if (scale === 'symlog') return Math.sign(y) * (10 ** Math.abs(y) - 1);
  return y;
}

/** Axis-space ticks for [lo, hi]: whole decades for log/symlog, round steps for linear. */
export function axisTicks(lo: number, hi: number, scale: ChartScale): number[] {
  if (!(hi > lo)) return [lo];
  if (scale !== 'linear') {
    const first = Math.ceil(lo);
    const last = Math.floor(hi);
    const span = last - first;
    const stride = Math.max(1, Math.ceil(span / 6));
    const out: number[] = [];
    for (let t = first; t <= last; t += stride) out.push(t);
    return out.length >= 2 ? out : [lo, hi];
  }
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}
