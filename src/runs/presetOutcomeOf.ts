/** A computed outcome as the plain data the page shows (scenarios/presetOutcome.ts), from the run and the search. */
import { findStall } from '../engine/stall';
import type { PresetOutcome } from '../scenarios/presetOutcome';
import { describeSetting, type Outcome } from './outcome';
import type { RunSummary } from './runScenario';

export function presetOutcomeOf(presetId: string, backend: string, run: RunSummary, outcome: Outcome): PresetOutcome {
  const found = outcome.search?.found ?? null;
  return {
    presetId,
    status: 'done',
    message: null,
    backend,
    verdict: outcome.verdict,
    text: outcome.text,
    observed: outcome.observed,
    steps: run.steps,
    firstNonFinite: run.firstNonFinite,
    finalLoss: run.finalLoss,
    stall: run.firstNonFinite ? null : (findStall(run.losses)?.text ?? null),
    trials: (outcome.search?.tried ?? []).map((t) => ({ setting: describeSetting(t.key, t.value), holds: t.holds, observed: t.observed })),
    variant: found ? { setting: describeSetting(found.key, found.value), scenario: found.scenario } : null,
  };
}
