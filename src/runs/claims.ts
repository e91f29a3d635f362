/** Deciding a preset's claim from a finished run, with a sentence saying what was seen. */
import { plural, showKind, showNumber } from '../engine/numberFormat';
import type { ClaimCheck } from '../scenarios/presets';
import type { FirstNonFinite, RunSummary } from './runScenario';

export interface ClaimVerdict {
  holds: boolean;
  /** What the run showed, in one sentence with its numbers. */
  observed: string;
  /** The claim holds, but the run broke elsewhere than the article says: where, in words; else null. */
  otherReason: string | null;
}

/** How many steps a run needs for the claim to be decided (a search can stop there). */
export function stepsNeeded(check: ClaimCheck, scenarioSteps: number): number {
  switch (check.expect) {
    case 'nonFinite':
      return check.withinSteps;
    case 'lossBelow':
    case 'lossAbove':
      return check.atStep ?? scenarioSteps;
    case 'finite':
      return scenarioSteps;
  }
}

function lossAt(run: RunSummary, atStep: number | undefined): { step: number; loss: number } | null {
  const step = atStep ?? run.steps;
  return step >= 1 && step <= run.losses.length ? { step, loss: run.losses[step - 1]! } : null;
}

function firstEvent(run: RunSummary): string {
  const f = run.firstNonFinite;
  return f ? `${showKind(f.kind)} first in ${f.quantity} (${f.phase}) at step ${f.step}` : `no NaN or Inf in ${plural(run.steps, 'step')}`;
}

/** Check one claim against one run. */
export function evaluateClaim(check: ClaimCheck, run: RunSummary): ClaimVerdict {
  switch (check.expect) {
    case 'nonFinite': {
      const f = run.firstNonFinite;
      const holds = f !== null && f.step <= check.withinSteps;
      const where = check.where;
      const inPlace = (at: FirstNonFinite): boolean =>
        where === undefined || (where.phases.includes(at.phase) && (where.quantities?.some((q) => at.quantity.startsWith(q)) ?? true));
      const otherReason = holds && !inPlace(f) ? `the article puts it ${where!.words}, and here it first appears in ${f.quantity} (${f.phase})` : null;
      return { holds, observed: firstEvent(run), otherReason };
    }
    case 'finite':
      return { holds: run.firstNonFinite === null, observed: firstEvent(run), otherReason: null };
    case 'lossBelow':
    case 'lossAbove': {
      const at = lossAt(run, check.atStep);
      if (!at)
        return {
          holds: false,
          observed: `the run stopped at step ${run.steps}, before step ${check.atStep ?? run.scenario.steps}; ${firstEvent(run)}`,
          otherReason: null,
        };
      const finite = Number.isFinite(at.loss);
      const holds = finite && (check.expect === 'lossBelow' ? at.loss < check.value : at.loss > check.value);
      return { holds, observed: `loss ${showNumber(at.loss)} at step ${at.step}`, otherReason: null };
    }
  }
}
