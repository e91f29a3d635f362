/** createTrainer's choice of the dense fast path: a DenseTrainer where the scenario, options, backend and data allow it. */
import { prepareDataset } from '../data/preprocess';
import type { Scenario } from '../scenario';
import type { Trainer, TrainerOptions } from '../trainerTypes';
import { DenseTrainer } from './denseTrainer';
import { denseDataDeclineReason, denseDeclineReason } from './eligibility';

/**
 * The dense trainer for the scenario, or the options the tfjs trainer must run it with: where the data
 * decided against the dense path, they carry the data set already prepared, so it is not made twice.
 */
export function denseTrainerFor(s: Scenario, options: TrainerOptions, backend: string): { dense: Trainer } | { fallback: TrainerOptions } {
  if (denseDeclineReason(s, options, backend) !== null) return { fallback: options };
  if (s.seed === 0) return { fallback: options }; // the tfjs trainer throws its own message
  const data = options.dataset ?? prepareDataset(s);
  if (denseDataDeclineReason(s, data) !== null) return { fallback: { ...options, dataset: data } };
  return { dense: new DenseTrainer(s, data, options) };
}
