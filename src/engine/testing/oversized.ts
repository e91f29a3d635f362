/** Scenarios the schema accepts and no browser tab can train: the links that ran out of memory or hung. */
import { DEFAULT_SCENARIO, type Scenario } from '../scenario';

/** An 8×256 MLP on 100,000 rows of 256 features, all in one batch. */
export const WIDE_MLP: Scenario = {
  ...DEFAULT_SCENARIO,
  model: 'mlp',
  dataset: 'synthetic',
  samples: 100000,
  features: 256,
  hidden: [256, 256, 256, 256, 256, 256, 256, 256],
  batchSize: 100000,
};

/** A U-Net on 64 images of 128×128 with 32 filters and depth 3, all in one batch. */
export const UNET_128: Scenario = {
  ...DEFAULT_SCENARIO,
  model: 'unet',
  dataset: 'shapes',
  loss: 'bceLogits',
  imageSize: 128,
  depth: 3,
  filters: 32,
  samples: 64,
  batchSize: 0,
};
