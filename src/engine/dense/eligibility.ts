/**
 * Which scenarios the dense fast path trains (dense/denseTrainer.ts), and why it declines the
 * others: each reason names what the path does not compute exactly, and a declined scenario trains
 * on tfjs as before. Nothing here is approximated: what is not listed as accepted is declined.
 */
import type { Dataset } from '../data/tabular';
import type { ModelKind, Scenario } from '../scenario';
import type { TrainerOptions } from '../trainerTypes';

/** The models that are a plain stack of dense layers, and the prediction vector trained as a parameter. */
export const DENSE_MODELS: readonly ModelKind[] = ['linear', 'mlp', 'classifier', 'autoencoder', 'predictions'];

/** Why the dense path will not train this scenario on this backend with these options, or null where it will. */
export function denseDeclineReason(s: Scenario, options: TrainerOptions, backend: string): string | null {
  if ((options.densePath ?? 'off') === 'off') return 'the dense path is off';
  if (backend !== 'cpu') return `the dense path reproduces the cpu backend only, not ${backend}`;
  if (options.hostChecks === false) return 'the dense path checks values on the host only';
  if (!DENSE_MODELS.includes(s.model)) return `the ${s.model} model is not written for the dense path`;
  if (s.dataset === 'shapes') return 'the shapes images are for the U-Net only';
  return null;
}

/** Why the prepared data do not fit the dense path (a target wider or narrower than the output broadcasts in tfjs), or null. */
export function denseDataDeclineReason(s: Scenario, data: Dataset): string | null {
  const outputs = s.model === 'autoencoder' ? data.x.shape[1] : 1;
  if (data.x.shape.length !== 2 || data.y.shape.length !== 2 || data.y.shape[1] !== outputs) return 'the targets do not match the output one to one';
  return null;
}
