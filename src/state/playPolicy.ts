/**
 * What Play does now. A run has an end: Play trains up to the scenario's Steps and stops there
 * ("run complete"); Continue trains on past it. A run paused at its first non-finite value does not
 * silently refuse: Play says why and what to do (step past it, keep going, reset).
 */
import { showKind } from '../engine/numberFormat';
import type { AppState } from './appState';

export type PlayDecision = { play: { stopAt?: number } } | { notice: string } | null;

type PlayState = Pick<AppState, 'error' | 'report' | 'scenario' | 'continued'>;

/** `step`: the step the run is at. Null: nothing to do (a worker error is already on screen with Reset). */
export function decidePlay(s: PlayState, step: number): PlayDecision {
  if (s.error) return null;
  if (s.report && !s.scenario.continueOnFlag) {
    return {
      notice: `Paused at step ${s.report.step}, the first non-finite value (${showKind(s.report.kind)} in ${s.report.quantity}). Step past it, keep going, or reset.`,
    };
  }
  if (s.continued) return { play: {} };
  if (step >= s.scenario.steps) return { notice: `The run is complete at step ${step} (Steps: ${s.scenario.steps}). Continue trains on; Reset starts again.` };
  return { play: { stopAt: s.scenario.steps } };
}
