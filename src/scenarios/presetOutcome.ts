/**
 * What running an opened preset showed about its article's claim, as plain data: computed by
 * src/runs/outcome.ts in the outcome worker, carried by postMessage, shown by the preset panel.
 * It sits with the scenarios so that the worker and the screen state can both name it.
 */
import type { Scenario } from '../engine/scenario';

/** One short run of the claim search: the setting tried and what it showed. */
export interface OutcomeTrial {
  setting: string;
  holds: boolean;
  observed: string;
}

/** The outcome of a preset's claim, as plain data for the preset panel (from src/runs/outcome.ts). */
export interface PresetOutcome {
  presetId: string;
  status: 'running' | 'done' | 'error';
  message: string | null;
  /** Where it ran (the outcome is computed on the cpu backend, like the command line). */
  backend: string | null;
  verdict: 'holds' | 'holdsForAnotherReason' | 'doesNotHold' | 'holdsOnlyWith' | null;
  /** "the claim holds", "it does not hold in float32", "it holds only with learning rate 1.3". */
  text: string;
  observed: string;
  steps: number;
  firstNonFinite: { step: number; quantity: string; kind: string; phase: string } | null;
  finalLoss: number | null;
  /** "Not learning: …" when the run stayed finite but its loss stayed flat or rose (engine/stall.ts). */
  stall?: string | null;
  trials: OutcomeTrial[];
  /** The nearest setting found where the claim holds: a one-click variant. */
  variant: { setting: string; scenario: Scenario } | null;
}
