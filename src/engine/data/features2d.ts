/**
 * The inputs a 2D classifier sees: x1 and x2 always, then the optional features the scenario turns
 * on, always in the same order (x1², x2², x1·x2, sin x1, sin x2), so a column index means one thing.
 */
import type { Scenario } from '../scenario';
import type { Block } from './tabular';

export type PlaneFeature = 'x1' | 'x2' | 'x1Squared' | 'x2Squared' | 'x1TimesX2' | 'sinX1' | 'sinX2';

/** The optional features, in column order; each is a boolean scenario field of the same name. */
export const OPTIONAL_PLANE_FEATURES = ['x1Squared', 'x2Squared', 'x1TimesX2', 'sinX1', 'sinX2'] as const satisfies readonly (PlaneFeature & keyof Scenario)[];

const VALUE: Readonly<Record<PlaneFeature, (x1: number, x2: number) => number>> = {
  x1: (x1) => x1,
  x2: (_, x2) => x2,
  x1Squared: (x1) => x1 * x1,
  x2Squared: (_, x2) => x2 * x2,
  x1TimesX2: (x1, x2) => x1 * x2,
  sinX1: (x1) => Math.sin(x1),
  sinX2: (_, x2) => Math.sin(x2),
};

/** The scenario's input columns, in order: x1, x2, then the optional features it turns on. */
export function planeFeatures(s: Scenario): PlaneFeature[] {
  return ['x1', 'x2', ...OPTIONAL_PLANE_FEATURES.filter((f) => s[f])];
}

/** One row per point (coords holds x1, x2 pairs), one column per feature. */
export function featureBlock(coords: Float64Array, features: readonly PlaneFeature[]): Block {
  const rows = coords.length / 2;
  const width = features.length;
  const values = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    const x1 = coords[2 * i]!;
    const x2 = coords[2 * i + 1]!;
    features.forEach((f, j) => (values[i * width + j] = VALUE[f](x1, x2)));
  }
  return { values, shape: [rows, width] };
}
