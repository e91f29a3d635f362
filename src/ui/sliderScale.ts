/**
 * Slider position ⇄ value for schema ranges. Log ranges move by decades (learning rate 1e-8 … 1e4
 * on one slider); a log range that starts at 0 keeps position 0 for "off" and starts its decades
 * at logFloor. Values are rounded to 3 significant digits so the URL stays readable.
 */
import type { NumberRange } from '../scenarios/schema';

export const SLIDER_STEPS = 1000;

/** The part of a range the slider covers: up to its usual maximum where the range goes further. */
export function sliderRange(r: NumberRange): NumberRange {
  return r.usualMax === undefined ? r : { ...r, max: r.usualMax };
}

/** A value past the slider's end but within the range: allowed, and marked as out of the usual. */
export function beyondUsual(v: number, r: NumberRange): boolean {
  return r.usualMax !== undefined && v > r.usualMax;
}

const round3 = (v: number): number => (v === 0 ? 0 : Number(v.toPrecision(3)));

function logBounds(r: NumberRange): [number, number] {
  const lo = r.min > 0 ? r.min : (r.logFloor ?? 1e-12);
  return [Math.log10(lo), Math.log10(r.max)];
}

export function positionToValue(pos: number, r: NumberRange, integer = false): number {
  const t = Math.min(1, Math.max(0, pos / SLIDER_STEPS));
  let v: number;
  if (r.log) {
    if (r.min <= 0 && pos <= 0) return 0;
    const [a, b] = logBounds(r);
    v = round3(10 ** (a + t * (b - a)));
  } else {
    v = round3(r.min + t * (r.max - r.min));
  }
  v = Math.min(r.max, Math.max(r.min, v));
  return integer ? Math.round(v) : v;
}

export function valueToPosition(v: number, r: NumberRange): number {
  if (!Number.isFinite(v)) return 0;
  if (r.log) {
    if (v <= 0) return 0;
    const [a, b] = logBounds(r);
    const t = (Math.log10(v) - a) / (b - a);
    return Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS);
  }
  return Math.round(((v - r.min) / (r.max - r.min || 1)) * SLIDER_STEPS);
}
