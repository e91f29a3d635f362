/** A plain finite step record for tests of the layers that carry records (worker loop, page, feeds). */
import type { StepRecord } from '../records';

/** Step `step` with loss 1/step and nothing flagged; `patch` overrides any field. */
export function stepRecord(step: number, patch: Partial<StepRecord> = {}): StepRecord {
  return {
    step,
    loss: 1 / step,
    gradNorm: 1,
    gradNorms: {},
    weightNorms: {},
    updateRatios: {},
    activationMax: {},
    nonFinite: false,
    skipped: false,
    warnings: [],
    ...patch,
  };
}
