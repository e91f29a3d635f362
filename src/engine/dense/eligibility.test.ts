import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../data/preprocess';
import { ACTIVATIONS, CLIPPINGS, DEFAULT_SCENARIO, PRECISIONS, type Scenario } from '../scenario';
import type { TrainerOptions } from '../trainerTypes';
import { denseDataDeclineReason, denseDeclineReason } from './eligibility';

const base: Scenario = { ...DEFAULT_SCENARIO, optimizer: 'sgd' };
const auto: TrainerOptions = { densePath: 'auto' };

describe('denseDeclineReason', () => {
  it('accepts a dense float32 scenario on cpu with the path on', () => {
    expect(denseDeclineReason(base, auto, 'cpu')).toBeNull();
  });

  it.each<[string, Partial<Scenario>, TrainerOptions, string, RegExp]>([
    ['the path off by default', {}, {}, 'cpu', /off/],
    ['the path off by name', {}, { densePath: 'off' }, 'cpu', /off/],
    ['another backend', {}, auto, 'wasm', /cpu backend only, not wasm/],
    ['checks by kernels', {}, { ...auto, hostChecks: false }, 'cpu', /host/],
    ['the U-Net', { model: 'unet', dataset: 'shapes' }, auto, 'cpu', /unet model is not written/],
    ['the custom square', { model: 'customSquare' }, auto, 'cpu', /customSquare model is not written/],
    ['the shapes images', { dataset: 'shapes' }, auto, 'cpu', /shapes/],
  ])('declines %s', (_what, patch, options, backend, reason) => {
    expect(denseDeclineReason({ ...base, ...patch }, options, backend)).toMatch(reason);
  });

  it('accepts every activation, precision, clipping, and weight decay in the loss and in adamw', () => {
    for (const activation of ACTIVATIONS) expect(denseDeclineReason({ ...base, activation }, auto, 'cpu')).toBeNull();
    for (const precision of PRECISIONS) expect(denseDeclineReason({ ...base, precision }, auto, 'cpu')).toBeNull();
    for (const clipping of CLIPPINGS) expect(denseDeclineReason({ ...base, clipping, skipNonFinite: true, predictionClamp: 3 }, auto, 'cpu')).toBeNull();
    expect(denseDeclineReason({ ...base, optimizer: 'adamw', weightDecay: 0.1 }, auto, 'cpu')).toBeNull();
    expect(denseDeclineReason({ ...base, optimizer: 'adam', weightDecay: 1e-4 }, auto, 'cpu')).toBeNull();
  });
});

describe('denseDataDeclineReason', () => {
  it('accepts targets one to one with the output, and declines targets that would broadcast', () => {
    const data = prepareDataset(base);
    expect(denseDataDeclineReason(base, data)).toBeNull();
    const wide = { ...data, y: { values: new Float64Array(data.rows * 2), shape: [data.rows, 2] } };
    expect(denseDataDeclineReason(base, wide)).toMatch(/one to one/);
  });
});
