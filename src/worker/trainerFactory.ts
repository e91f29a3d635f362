/**
 * Which trainer the worker drives for a scenario: the engine's, unless the engine says the
 * scenario cannot run on this backend, in which case there is no trainer and the reason is shown.
 */
import { createTrainer, unsupportedReason, type Scenario, type Trainer } from '../engine';

export interface MadeTrainer {
  trainer: Trainer | null;
  /** Why the requested scenario cannot run as asked on this backend (shown to the user), or null. */
  unsupported: string | null;
}

export function createTrainerFor(scenario: Scenario, backend: string, onReplay?: (step: number) => void): MadeTrainer {
  const why = unsupportedReason(scenario, backend);
  if (why) return { trainer: null, unsupported: why };
  return { trainer: createTrainer(scenario, onReplay ? { onReplay } : {}), unsupported: null };
}
