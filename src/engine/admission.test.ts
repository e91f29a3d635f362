import { describe, expect, it } from 'vitest';
import { admit, browserBudget, UNKNOWN_DEVICE_GIB } from './admission';
import { budgetFor } from './budget';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { UNET_128, WIDE_MLP } from './testing/oversized';

describe('browserBudget', () => {
  it('is the default share of what navigator.deviceMemory reports, and of 4 GiB when it reports nothing', () => {
    expect(browserBudget(8)).toBe(budgetFor(8 * 2 ** 30));
    expect(browserBudget(undefined)).toBe(budgetFor(UNKNOWN_DEVICE_GIB * 2 ** 30));
    expect(browserBudget(0)).toBe(browserBudget(undefined));
  });
});

describe('admit', () => {
  it('lets the default scenario through', () => {
    expect(admit(DEFAULT_SCENARIO, 'cpu', browserBudget(8))).toBeNull();
  });

  it('refuses the 8×256 MLP at batch 100000 with the fields it names by their labels and a smaller scenario that is admitted', () => {
    const refusal = admit(WIDE_MLP, 'wasm', browserBudget(8));
    expect(refusal?.fields).toEqual(['Batch size', 'Samples']);
    // 32768 rows would fit the heap but take ≈ 26 s a step on wasm; 1024 is the largest batch of about a second.
    expect(refusal?.message).toContain('lower Batch size (to 1024 fits) or Samples (to 1024 fits)');
    expect(refusal?.smaller?.batchSize).toBe(1024);
    expect(admit(refusal!.smaller!, 'wasm', browserBudget(8))).toBeNull();
  });

  it("applies the device's own limits: a texture side the GPU reports", () => {
    const unet: Scenario = { ...UNET_128, samples: 16, batchSize: 16 };
    expect(admit(unet, 'webgl', browserBudget(8), { maxTextureSize: 16384 })).toBeNull();
    expect(admit(unet, 'webgl', browserBudget(8), { maxTextureSize: 8192 })?.message).toContain('at most 8192×8192');
  });
});
