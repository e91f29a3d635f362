/** Zoom ranges the loss chart offers besides a drag. */
import type { StepRange } from './plotGeometry';

/**
 * The steps leading up to the first non-finite one: a quarter of the run before it (at least 20
 * steps, never before the run's first step) and a little after, so the flag sits near the right edge.
 */
export function stepsBeforeFlag(flag: number, firstStep: number): StepRange {
  const from = Math.max(firstStep, flag - Math.max(20, Math.round(flag * 0.25)));
  return { from, to: flag + Math.max(2, Math.round((flag - from) * 0.1)) };
}
