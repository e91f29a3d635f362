import { describe, expect, it } from 'vitest';
import { backendLimits, DEFAULT_LIMITS, WASM_HEAP_BYTES } from './backendLimits';
import { budgetFor, checkRun, VARIANT_ROOM, withinBudget } from './budget';
import { estimateCost } from './cost';
import { DRIVER_FIELDS } from './costDrivers';
import { formatBytes } from './costText';
import { DEFAULT_SCENARIO, type BackendName, type Scenario } from './scenario';

const scenario = (o: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...o });
const wide = [256, 256, 256, 256, 256, 256, 256, 256];
/** The links that exhausted memory or hung, as scenarios. */
const UNET_100K = scenario({
  model: 'unet',
  dataset: 'shapes',
  loss: 'bceLogits',
  samples: 100000,
  imageSize: 128,
  depth: 3,
  filters: 32,
  batchSize: 100000,
  steps: 100000,
});
const MLP_100K = scenario({ model: 'mlp', dataset: 'synthetic', samples: 100000, features: 256, hidden: wide, batchSize: 100000 });
const UNET_64 = scenario({ model: 'unet', dataset: 'shapes', loss: 'bceLogits', imageSize: 128, depth: 3, filters: 32, samples: 64, batchSize: 0 });
/** A machine with 24 GB, as the CLI's default budget sees it. */
const BUDGET = budgetFor(24e9);

/** The verdict, or a failed test when it is ok. */
function refusal(s: Scenario, backend: BackendName, budget = BUDGET, options = {}) {
  const v = checkRun(s, backend, budget, options);
  if (v.ok) throw new Error('expected a refusal');
  return v;
}

const fits = (s: Scenario, backend: BackendName, budget = BUDGET, options = {}): boolean => checkRun(s, backend, budget, options).ok;

describe('withinBudget', () => {
  it('lets the default scenario and a bench-sized U-Net through', () => {
    expect(checkRun(scenario({}), 'cpu', BUDGET)).toEqual({ ok: true });
    expect(fits(scenario({ model: 'unet', dataset: 'shapes', imageSize: 64, samples: 8, batchSize: 8, filters: 16 }), 'cpu')).toBe(true);
  });

  it('refuses the 100000-image U-Net in one line naming its size, the batch and the budget', () => {
    const v = refusal(UNET_100K, 'cpu');
    expect(v.message).not.toContain('\n');
    expect(v.message).toMatch(/^this run needs ≈ 11 TB \(activations 10 TB at batch 100000\); the budget here is 9\.6 GB; and one step needs/);
    expect(v.drivers.map((d) => d.key)).toEqual(expect.arrayContaining(['batchSize', 'samples', 'imageSize', 'filters']));
    expect(v.smaller).not.toBeNull();
    expect(fits(v.smaller!, 'cpu')).toBe(true);
  });

  it('offers the largest batch that fits with room, a power of two: within half the budget, the next one up is not', () => {
    const s = scenario({ ...MLP_100K, samples: 4096, batchSize: 4096 });
    const v = refusal(s, 'cpu', 200e6, { flopsPerSecond: 1e15 });
    const batch = v.smaller!.batchSize;
    expect(batch).toBe(1024);
    expect(v.smaller).toEqual({ ...s, batchSize: batch });
    const bytes = (t: Scenario): number => estimateCost(t).bytes.total;
    expect(bytes(v.smaller!)).toBeLessThanOrEqual(VARIANT_ROOM.memoryShare * 200e6);
    expect(bytes({ ...s, batchSize: 2 * batch })).toBeGreaterThan(VARIANT_ROOM.memoryShare * 200e6);
    expect(v.message).toContain(`lower Batch size (to ${batch} fits) or Samples (to ${batch} fits)`);
  });

  it('offers a step of about a second, not one just under the 30 s limit', () => {
    const s = scenario({ ...MLP_100K, samples: 16384, batchSize: 16384 });
    const v = refusal(s, 'cpu', BUDGET);
    const seconds = (t: Scenario): number => estimateCost(t).flopsPerStep / 1e9;
    expect(seconds(s)).toBeGreaterThan(DEFAULT_LIMITS.maxStepSeconds);
    expect(seconds(v.smaller!)).toBeLessThanOrEqual(VARIANT_ROOM.stepSeconds);
    expect(seconds({ ...v.smaller!, batchSize: 2 * v.smaller!.batchSize })).toBeGreaterThan(VARIANT_ROOM.stepSeconds);
  });

  it('offers a scenario at the edge only when none fits with room', () => {
    const s = scenario({ dataset: 'uniform', samples: 4096, features: 64, hidden: [64, 64], batchSize: 256 });
    // Every driver at its floor: the smallest scenario the search can reach, and a budget it fills to two thirds.
    let bottom = s;
    for (const field of DRIVER_FIELDS) for (let next = field.lower(bottom); next; next = field.lower(bottom)) bottom = next;
    const budget = 1.5 * estimateCost(bottom).bytes.total;
    const v = refusal(s, 'cpu', budget);
    expect(v.smaller).not.toBeNull();
    expect(fits(v.smaller!, 'cpu', budget)).toBe(true);
    expect(estimateCost(v.smaller!).bytes.total).toBeGreaterThan(VARIANT_ROOM.memoryShare * budget);
  });

  it('names the data set when the data is what is over: fewer samples or features fit', () => {
    const s = scenario({ dataset: 'uniform', samples: 100000, features: 256, hidden: [4], batchSize: 32 });
    const v = refusal(s, 'cpu', 100e6);
    expect(v.message).toBe(
      'this run needs ≈ 309 MB (its JS copy 206 MB, data 103 MB); the budget here is 100 MB: lower Samples (to 8192 fits) or Features (to 32 fits)',
    );
    expect(v.smaller).toEqual({ ...s, samples: 8192 });
  });

  it('lowers fields together when none fits alone: the data and the wide layers are both over', () => {
    const s = scenario({ dataset: 'uniform', samples: 100000, features: 256, hidden: wide, batchSize: 32 });
    const v = refusal(s, 'cpu', 40e6);
    expect(v.message).toMatch(/: lower Samples to \d+ and Hidden sizes to [\d,]+ \(that fits\)$/);
    expect(fits(v.smaller!, 'cpu', 40e6)).toBe(true);
    // Nearest: the model is kept as large as fits, and then the data set.
    expect(fits({ ...v.smaller!, hidden: v.smaller!.hidden.map((h) => 2 * h) }, 'cpu', 40e6)).toBe(false);
  });

  it('says so when nothing fits, and offers no scenario', () => {
    const v = refusal(scenario({}), 'cpu', 10);
    expect(v.smaller).toBeNull();
    expect(v.message).toMatch(/\(nothing the search tried fits\)$/);
  });

  it('takes a budget as bytes: 40 % of the machine by default', () => {
    expect(budgetFor(24e9)).toBe(9.6e9);
    expect(formatBytes(budgetFor(24e9))).toBe('9.6 GB');
  });
});

describe('backend limits', () => {
  it('wasm: the MLP at batch 100000 is over the 4 GiB heap, and a smaller batch fits it', () => {
    const limits = backendLimits(MLP_100K, 'wasm');
    expect(limits.problems.map((p) => p.limit)).toEqual(['heap', 'time']);
    expect(estimateCost(MLP_100K).deviceBytes).toBeGreaterThan(WASM_HEAP_BYTES);
    const v = withinBudget(estimateCost(MLP_100K), limits, BUDGET);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.message).toMatch(/^wasm keeps every tensor in one heap of at most 4 GiB, and this run needs ≈ 5\.2 GB of tensors; and one step needs/);
    expect(v.message).toMatch(/lower Batch size \(to \d+ fits\) or Samples/);
    expect(estimateCost(v.smaller!).deviceBytes).toBeLessThanOrEqual(WASM_HEAP_BYTES);
  });

  it('cpu has no heap limit: the same MLP is refused there for the time a step takes', () => {
    const problems = backendLimits(MLP_100K, 'cpu').problems;
    expect(problems.map((p) => p.limit)).toEqual(['time']);
    expect(problems[0]!.message).toMatch(
      /^one step needs ≈ 317 GFLOP, ≈ 5\.3 min on cpu at about 1 GFLOP\/s \(the limit is 30 s a step\): lower Batch size or Samples$/,
    );
    expect(backendLimits(MLP_100K, 'cpu', { flopsPerSecond: 1e12 }).problems).toEqual([]);
  });

  it('webgl: the texture of the largest im2col, and with an 8192 maximum a smaller batch still fits', () => {
    const [texture] = backendLimits(UNET_64, 'webgl').problems;
    expect(texture!.reason).toBe('WebGL keeps each tensor in one texture of at most 16384×16384, and dec1/up im2col (64×576×16384) needs 24576×24576');
    expect(texture!.drivers.map((d) => d.key)).toEqual(expect.arrayContaining(['batchSize', 'samples', 'imageSize', 'filters']));
    const v = refusal(UNET_64, 'webgl', BUDGET, { maxTextureSize: 8192, flopsPerSecond: 1e15 });
    expect(v.message).toMatch(/lower Batch size \(to 4 fits\) or Samples \(to 4 fits\)$/);
    expect(backendLimits(v.smaller!, 'webgl', { maxTextureSize: 8192 }).problems.filter((p) => p.limit === 'texture')).toEqual([]);
  });

  it('webgpu: a feature map over the 128 MiB storage buffer', () => {
    const [buffer] = backendLimits(UNET_64, 'webgpu', { flopsPerSecond: 1e15 }).problems;
    expect(buffer!.reason).toBe('WebGPU binds each tensor as one buffer of at most 128 MiB, and dec1/up/resize (64×128×128×64) needs 268 MB');
  });
});
