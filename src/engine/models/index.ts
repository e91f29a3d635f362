/** Builds the model a scenario names, from its prepared data set. */
import type { Dataset } from '../data/tabular';
import type { Scenario } from '../scenario';
import { autoencoderModel, customSquareModel, linearModel, mlpModel, predictionsModel } from './dense';
import type { InitSpec } from './init';
import type { Model } from './types';
import { unetModel } from './unet';

export type { Batch, ForwardContext, LayerSummary, Model, NamedVariable } from './types';

/** The model for a scenario; input width comes from the data (features of one row). */
export function buildModel(s: Scenario, data: Dataset): Model {
  const spec: InitSpec = { seed: s.seed, kind: s.init, gain: s.initGain, precision: s.precision };
  const inputs = data.x.shape.slice(1).reduce((a, b) => a * b, 1);
  switch (s.model) {
    case 'linear':
      return linearModel(spec, inputs);
    case 'mlp':
      return mlpModel(spec, s, inputs, 'values');
    case 'classifier':
      return mlpModel(spec, s, inputs, 'logits');
    case 'autoencoder':
      return autoencoderModel(spec, s, inputs);
    case 'predictions':
      return predictionsModel(data, s);
    case 'customSquare':
      return customSquareModel(spec, s, inputs);
    case 'unet':
      if (data.x.shape.length !== 4) throw new Error('the U-Net needs the image data set "shapes"');
      return unetModel(spec, s);
  }
}
