import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../engine/backend';
import { estimateCost } from '../engine/cost';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { costSummary } from './costLine';

const status = (active: BackendStatus['active'], flopsPerSecond?: number): BackendStatus => ({
  requested: active,
  active,
  reason: null,
  quirks: [],
  ...(flopsPerSecond === undefined ? {} : { flopsPerSecond }),
});
const UNET64: Scenario = { ...DEFAULT_SCENARIO, model: 'unet', dataset: 'shapes', imageSize: 64, samples: 8, batchSize: 8, filters: 16 };

describe('costSummary', () => {
  it('gives the small default scenario its bytes against the budget and a short step', () => {
    const c = costSummary(DEFAULT_SCENARIO, status('cpu'), 3.4e9);
    expect(c.memory).toMatch(/^≈ [\d.]+ kB of the 3\.4 GB budget$/);
    expect(c.work).toMatch(/^≈ [\d.]+ k?FLOP a step$/);
    expect(c.pace).toBe('under 0.01 s a step on cpu');
    expect(c.over).toBe(false);
  });

  it("puts a U-Net's step in seconds at the backend's assumed speed, and a software GPU's measured one", () => {
    const flops = estimateCost(UNET64).flopsPerStep;
    const unet32: Scenario = { ...UNET64, imageSize: 32, samples: 4, batchSize: 4, filters: 8 };
    const flops32 = estimateCost(unet32).flopsPerStep;
    expect(costSummary(unet32, status('wasm'), 3.4e9).pace).toBe(`≈ ${Number((4e9 / flops32).toPrecision(2))} steps/s on wasm`);
    expect(costSummary(UNET64, status('cpu'), 3.4e9).pace).toMatch(/^≈ [\d.]+ s a step on cpu$/);
    // SwiftShader: 0.5 GFLOP/s, not a GPU's 20.
    expect(costSummary(UNET64, status('webgl', 0.5e9), 3.4e9).pace).toBe(`≈ ${Number((flops / 0.5e9).toPrecision(2))} s a step on webgl`);
    expect(costSummary(UNET64, null, 3.4e9).pace).toBeNull();
  });

  it('says over when the run needs more than the budget, by the same bytes the refusal counts', () => {
    const bytes = estimateCost(UNET64).bytes.total;
    expect(costSummary(UNET64, null, bytes * 0.99).over).toBe(true);
    expect(costSummary(UNET64, null, bytes * 1.01).over).toBe(false);
  });
});
