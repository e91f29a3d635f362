/** Messages of the outcome worker, which runs a preset's claim check and search off the UI thread. */
import type { PresetOutcome } from '../scenarios/presetOutcome';

export type ToOutcomeWorker = { type: 'outcome'; requestId: number; presetId: string };

export type FromOutcomeWorker = { type: 'outcome'; requestId: number; outcome: PresetOutcome } | { type: 'outcomeError'; requestId: number; message: string };
