/** createTrainer's choice of the dense fast path: a DenseTrainer where the scenario, options, backend and data allow it. */
import { prepareDataset } from '../data/preprocess';
import type { Scenario } from '../scenario';
import type { Trainer, TrainerOptions } from '../trainerTypes';
import { DenseTrainer } from './denseTrainer';
import { denseDataDeclineReason, denseDeclineReason } from './eligibility';

/** The dense trainer for the scenario, or null where the tfjs trainer must run it. */
export function denseTrainerFor(s: Scenario, options: TrainerOptions, backend: string): Trainer | null {
  if (denseDeclineReason(s, options, backend) !== null) return null;
  if (s.seed === 0) return null; // the tfjs trainer throws its own message
  const data = options.dataset ?? prepareDataset(s);
  if (denseDataDeclineReason(s, data) !== null) return null;
  return new DenseTrainer(s, data, options);
}
