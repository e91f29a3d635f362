import { describe, expect, it } from 'vitest';
import { checkPlace, GATHER_LIMIT, gatheredElements } from './checkPlace';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });
const linear = base({ model: 'linear', dataset: 'articleLinear', hidden: [] });
const unet = base({ model: 'unet', dataset: 'shapes', imageSize: 32, samples: 4, batchSize: 4, depth: 2, filters: 8 });

describe('where a step checks its values', () => {
  it('cpu and wasm in JS as tensors are made; small models on a GPU on the gathered readback; the U-Net with kernels', () => {
    const places = ['cpu', 'wasm', 'webgl', 'webgpu'].map((b) => [checkPlace(linear, b, {}), checkPlace(unet, b, {})]);
    expect(places).toEqual([
      ['host', 'host'],
      ['host', 'host'],
      ['gathered', 'device'],
      ['gathered', 'device'],
    ]);
  });

  it('the bound counts the step: 3 parameters and 3 rows are a few dozen elements, the 32×32 U-Net over ten times the limit', () => {
    expect(gatheredElements(linear)).toBeLessThan(100);
    expect(gatheredElements(unet)).toBeGreaterThan(10 * GATHER_LIMIT);
  });

  it('options force a place, as the tests of each path need', () => {
    expect(checkPlace(linear, 'cpu', { gather: true })).toBe('gathered');
    expect(checkPlace(linear, 'webgl', { hostChecks: false })).toBe('device');
    expect(checkPlace(linear, 'webgl', { gather: false })).toBe('device');
    expect(checkPlace(linear, 'webgl', { gather: false, hostChecks: true })).toBe('host');
  });
});
