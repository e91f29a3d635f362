/**
 * What Play does now. A run has an end: Play trains up to the scenario's Steps and stops there
 * ("run complete"); Continue trains on past it. A run paused at its first non-finite value does not
 * silently refuse: Play says why and what to do (step past it, keep going, reset). Nor does a
 * scenario refused before it was built (over the budget): Play repeats why.
 */
import { showKind } from '../engine/numberFormat';
import type { AppState } from './appState';

export type PlayDecision = { play: { stopAt?: number } } | { notice: string } | null;

type PlayState = Pick<AppState, 'error' | 'report' | 'scenario' | 'continued' | 'refusal'>;

/** `step`: the step the run is at. Null: nothing to do (a worker error is already on screen with Reset). */
export function decidePlay(s: PlayState, step: number): PlayDecision {
  if (s.error) return null;
  // Nothing was built: the refusal on screen names the fields and offers the scenario that fits.
  if (s.refusal) return { notice: `This scenario was not started: ${s.refusal.message}.` };
  if (s.report && !s.scenario.continueOnFlag) {
    return {
      notice: `Paused at step ${s.report.step}, the first non-finite value (${showKind(s.report.kind)} in ${s.report.quantity}). Step past it, keep going, or reset.`,
    };
  }
  if (s.continued) return { play: {} };
  if (step >= s.scenario.steps) return { notice: `The run is complete at step ${step} (Steps: ${s.scenario.steps}). Continue trains on; Reset starts again.` };
  return { play: { stopAt: s.scenario.steps } };
}
