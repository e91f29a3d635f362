import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, MODEL_KINDS } from '../engine/scenario';
import { withCompatibleData } from './compatible';

describe('withCompatibleData', () => {
  it('choosing the U-Net brings the shapes images, at a U-Net-sized sample count, and says so', () => {
    const { scenario, note } = withCompatibleData({ ...DEFAULT_SCENARIO, model: 'unet' });
    expect(scenario).toMatchObject({ model: 'unet', dataset: 'shapes', samples: 8 });
    expect(note).toMatch(/^The U-Net trains on images, so the data set is now “.+” with 8 samples\.$/);
  });

  it('leaving the U-Net leaves the images, for a data set the new model trains on', () => {
    const unet = { ...DEFAULT_SCENARIO, model: 'unet' as const, dataset: 'shapes' as const, samples: 4 };
    expect(withCompatibleData({ ...unet, model: 'autoencoder' }).scenario).toMatchObject({ dataset: 'uniform', samples: 4 });
    expect(withCompatibleData({ ...unet, model: 'classifier' }).scenario.dataset).toBe('labels');
    for (const model of MODEL_KINDS) {
      const { scenario } = withCompatibleData({ ...unet, model });
      expect(scenario.dataset === 'shapes', model).toBe(model === 'unet');
    }
  });

  it('a compatible choice changes nothing', () => {
    const s = { ...DEFAULT_SCENARIO, lr: 0.3 };
    expect(withCompatibleData(s)).toEqual({ scenario: s, note: null });
  });
});
