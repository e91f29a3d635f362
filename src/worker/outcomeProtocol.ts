/** Messages of the outcome worker, which runs a preset's claim check and search off the UI thread. */
import type { BackendName, Scenario } from '../engine/scenario';
import type { PresetOutcome } from '../scenarios/presetOutcome';

export type ToOutcomeWorker = {
  type: 'outcome';
  requestId: number;
  presetId: string;
  /** Where to run it (default cpu, the reference the command line uses). */
  backend?: BackendName;
  /** The scenario to run instead of the preset as written (an edited lesson). */
  scenario?: Scenario;
  /** false: decide the claim for this run only, without searching for a setting where it holds. */
  search?: boolean;
};

export type FromOutcomeWorker = { type: 'outcome'; requestId: number; outcome: PresetOutcome } | { type: 'outcomeError'; requestId: number; message: string };
