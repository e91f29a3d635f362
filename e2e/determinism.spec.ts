// Same scenario, same backend, same losses: every model twice on webgl (and webgpu), bit for bit.
import { expect, test } from './fixtures';
import { LabPage } from './pages/LabPage';
import type { Scenario } from '../src/engine/scenario';

const MODELS: Partial<Scenario>[] = [
  { model: 'linear', dataset: 'articleLinear', normalization: 'zscore', optimizer: 'sgd', lr: 0.01, hidden: [] },
  { model: 'mlp', dataset: 'synthetic', hidden: [16], batchSize: 16 },
  { model: 'autoencoder', dataset: 'uniform', features: 10, hidden: [5], samples: 100 },
  { model: 'classifier', dataset: 'labels', loss: 'bceLogits', hidden: [8] },
  { model: 'predictions', dataset: 'normalPredictions', samples: 100, inputScale: 10, optimizer: 'sgd', lr: 0.1 },
  { model: 'customSquare', dataset: 'synthetic', normalization: 'zscore', optimizer: 'sgd', lr: 0.001 },
  { model: 'unet', dataset: 'shapes', imageSize: 16, samples: 2, batchSize: 1, depth: 1, filters: 4, activation: 'relu', loss: 'bceLogits' },
];

for (const backend of ['webgl', 'webgpu'] as const) {
  test(`every model gives identical loss histories twice on ${backend}`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    for (const overrides of MODELS) {
      const status = await lab.init(backend, overrides.model!);
      expect(status.active).toBe(backend);
      const a = await lab.run(overrides, 15, 'fast');
      const b = await lab.run(overrides, 15, 'fast');
      expect(a.losses.length, overrides.model).toBe(15);
      expect(a.losses.every(Number.isFinite), `${overrides.model}: finite`).toBe(true);
      expect(b.losses, `${overrides.model} twice`).toEqual(a.losses);
      expect(a.losses[14]!, `${overrides.model} learns`).toBeLessThan(a.losses[0]!);
    }
  });
}
