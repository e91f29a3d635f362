/**
 * The scenario fields that make a run large, how each is lowered, and what a person calls it. The
 * labels and floors repeat src/scenarios/schema.ts (the engine may not import it); a test in
 * src/cli/args.test.ts keeps them equal and every lowered value valid.
 */
import { effectiveBatch } from './costPlan';
import type { Scenario } from './scenario';

export type CostDriver = 'batchSize' | 'samples' | 'features' | 'hidden' | 'imageSize' | 'filters' | 'depth';

interface DriverField {
  key: CostDriver;
  /** The schema's label, as the controls show it. */
  label: string;
  /** The lowest value lowering goes to: the schema's minimum (batch size: 1, as 0 means every row). */
  floor: number;
  /** One step down, or null at the bottom. */
  lower(s: Scenario): Scenario | null;
}

/** The largest power of two below n (n ≥ 2). */
const powerBelow = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);

/** Halving to the next power of two below, down to `min`: 100000 → 65536 → 32768 … */
function halve(value: number, min: number): number | null {
  if (value <= min) return null;
  return Math.max(min, powerBelow(value));
}

/** A field lowered by halving, down to its floor; `value` is null where the field does not apply. */
function halving(
  key: 'batchSize' | 'samples' | 'imageSize' | 'filters' | 'features',
  label: string,
  floor: number,
  value: (s: Scenario) => number | null,
): DriverField {
  return {
    key,
    label,
    floor,
    lower: (s) => {
      const v = value(s);
      const next = v === null ? null : halve(v, floor);
      return next === null ? null : { ...s, [key]: next };
    },
  };
}

/** In the order a smaller scenario is looked for: what changes the lesson least comes first. */
export const DRIVER_FIELDS: readonly DriverField[] = [
  // 0 and anything ≥ the rows mean the whole data set: lowering starts below the rows.
  halving('batchSize', 'Batch size', 1, effectiveBatch),
  halving('samples', 'Samples', 1, (s) => s.samples),
  halving('imageSize', 'Image size', 16, (s) => (s.model === 'unet' ? s.imageSize : null)),
  halving('filters', 'U-Net filters', 4, (s) => (s.model === 'unet' ? s.filters : null)),
  { key: 'depth', label: 'U-Net depth', floor: 1, lower: (s) => (s.model === 'unet' && s.depth > 1 ? { ...s, depth: s.depth - 1 } : null) },
  {
    key: 'hidden',
    label: 'Hidden sizes',
    floor: 1,
    lower: (s) => (s.hidden.some((h) => h > 1) ? { ...s, hidden: s.hidden.map((h) => Math.max(1, Math.ceil(h / 2))) } : null),
  },
  halving('features', 'Features', 1, (s) => s.features),
];

export const DRIVER_BY_KEY: ReadonlyMap<CostDriver, DriverField> = new Map(DRIVER_FIELDS.map((f) => [f.key, f]));

/** The field's value as a person would type it. */
export function driverValue(s: Scenario, key: CostDriver): string {
  return key === 'hidden' ? s.hidden.join(',') : String(s[key]);
}

/** Shares below this are noise of the halving, not a driver. */
const MIN_ELASTICITY = 0.02;
/** A field with a smaller share hardly moves the cost: lowering it is not advice. */
const MIN_SHARE = 0.05;

/** The drivers worth lowering, in the order a smaller scenario is looked for (DRIVER_FIELDS). */
export function driversToLower(drivers: readonly { key: CostDriver; share: number }[]): CostDriver[] {
  return DRIVER_FIELDS.map((f) => f.key).filter((k) => drivers.some((d) => d.key === k && d.share >= MIN_SHARE));
}

/**
 * Each field's elasticity (how many times the measure shrinks per halving of the field, as a power
 * of two: 1 for a linear driver, 2 for a square), shared out so that the shares sum to 1, largest first.
 */
export function driverShares(s: Scenario, measure: (s: Scenario) => number): { key: CostDriver; share: number }[] {
  const base = measure(s);
  const found: { key: CostDriver; e: number }[] = [];
  for (const field of DRIVER_FIELDS) {
    const lower = field.lower(s);
    if (!lower) continue;
    const ratio = Math.log(numeric(s, field.key) / numeric(lower, field.key));
    const drop = Math.log(base / measure(lower));
    const e = ratio > 0 && Number.isFinite(drop) ? drop / ratio : 0;
    if (e > MIN_ELASTICITY) found.push({ key: field.key, e });
  }
  const sum = found.reduce((a, d) => a + d.e, 0);
  return found.map((d) => ({ key: d.key, share: d.e / sum })).sort((a, b) => b.share - a.share);
}

/** One number per field for the elasticity (the hidden widths by their sum; batch by its effective size). */
function numeric(s: Scenario, key: CostDriver): number {
  if (key === 'hidden') return s.hidden.reduce((a, b) => a + b, 0);
  if (key === 'batchSize') return effectiveBatch(s);
  return s[key];
}
