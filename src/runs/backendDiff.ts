/**
 * The same scenario on two backends, step-locked: both trainers take step 1, then step 2, …, from
 * the same seed; their records are then compared (engine/backendComparison.ts), and each run's first
 * non-finite value is named as its sentinel saw it. Both runs go on past a flag, so a later
 * divergence is not hidden by a pause.
 */
import { compareRecords, type BackendComparison, type DiffSide } from '../engine/backendComparison';
import type { StepRecord } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { FirstNonFinite, TrainerLike } from './runScenario';

export { DIFF_THRESHOLD } from '../engine/backendComparison';
export type { DiffSide } from '../engine/backendComparison';

export interface BackendDiffDeps {
  /** Make `backend` the active one (its trainer's ops must run there). */
  activate(backend: string): Promise<void>;
  /** A trainer for the scenario on the active backend. */
  createTrainer(scenario: Scenario): TrainerLike;
}

export interface BackendDiff extends BackendComparison {
  /** Each run's first non-finite value as its sentinel named it. */
  firstNonFinite: [FirstNonFinite | null, FirstNonFinite | null];
}

/** Run `scenario` on both sides for `steps` steps, alternating the active backend step by step. */
export async function diffBackends(scenario: Scenario, sides: [DiffSide, DiffSide], steps: number, deps: BackendDiffDeps): Promise<BackendDiff> {
  const run: Scenario = { ...scenario, continueOnFlag: true };
  const trainers: TrainerLike[] = [];
  try {
    for (const side of sides) {
      await deps.activate(side.backend);
      trainers.push(deps.createTrainer(run));
    }
    const [ta, tb] = trainers as [TrainerLike, TrainerLike];
    const records: [StepRecord[], StepRecord[]] = [[], []];
    for (let i = 0; i < steps; i++) {
      await deps.activate(sides[0].backend);
      records[0].push(ta.step());
      await deps.activate(sides[1].backend);
      records[1].push(tb.step());
    }
    const named = (t: TrainerLike): FirstNonFinite | null =>
      t.report ? { step: t.report.step, quantity: t.report.quantity, kind: t.report.kind, phase: t.report.phase } : null;
    return { ...compareRecords(sides, records[0], records[1]), firstNonFinite: [named(ta), named(tb)] };
  } finally {
    for (const [i, t] of trainers.entries()) {
      await deps.activate(sides[i]!.backend);
      t.dispose();
    }
  }
}
