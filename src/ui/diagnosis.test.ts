import { describe, expect, it } from 'vitest';
import type { NonFiniteReport } from '../engine/records';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { describeQuantity, diagnose, roundsToZero, suggestFixes } from './diagnosis';

const report = (over: Partial<NonFiniteReport> = {}): NonFiniteReport => ({
  quantity: 'grad/dense1/kernel',
  phase: 'backward',
  kind: 'NaN',
  counts: { nan: 2, posInf: 0, negInf: 0 },
  size: 4,
  step: 7,
  lastFiniteMaxAbs: 1e30,
  cascade: [],
  backend: 'cpu',
  precision: 'float32',
  growth: [{ quantity: 'gradNorm', values: [1, 100, 1e4, 1e8] }],
  ...over,
});

describe('describeQuantity', () => {
  it('names the engine quantities in words', () => {
    expect(describeQuantity('grad/dense1/kernel')).toBe('the gradient of dense1/kernel');
    expect(describeQuantity('loss/value')).toBe('the loss');
    expect(describeQuantity('dense1/preact')).toContain('pre-activation');
    expect(describeQuantity('something/else')).toBe('something/else');
  });
});

describe('diagnose', () => {
  it('says what went first, in which phase, at which step, and what grew before it', () => {
    const d = diagnose(report(), [], DEFAULT_SCENARIO)!;
    expect(d.headline).toContain('NaN');
    expect(d.headline).toContain('gradient of dense1/kernel');
    expect(d.headline).toContain('backward');
    expect(d.headline).toContain('step 7');
    expect(d.details.join(' ')).toContain('1.00e+30');
    expect(d.details.join(' ')).toContain('1.00e+4 → 1.00e+8');
  });

  it('names the backend and says whether its measured quirks can make the cpu disagree', () => {
    const last = (d: ReturnType<typeof diagnose>) => d!.details[d!.details.length - 1]!;
    expect(last(diagnose(report(), [], DEFAULT_SCENARIO))).toBe(
      'Measured on cpu in float32. The cpu backend follows IEEE float32, the reference for the other backends.',
    );
    const webgl = report({ backend: 'webgl' });
    // The probe checks elementwise cases only: no promise that the cpu agrees.
    expect(last(diagnose(webgl, [], DEFAULT_SCENARIO, []))).toBe(
      "Measured on webgl in float32. This backend gave the cpu's IEEE float32 result in every edge case checked when it started (elementwise, and a mean and a sum that overflow); rounding in long sums can still differ, so the cpu may flag another step.",
    );
    const quirks = [
      { id: 'log0', description: 'log(0) = -88.03 here (IEEE float32: −Inf)' },
      { id: 'zeroOverZero', description: '0 / 0 = 1 here (IEEE float32: NaN)' },
    ];
    expect(last(diagnose(webgl, [], DEFAULT_SCENARIO, quirks))).toBe(
      'Measured on webgl in float32. Its arithmetic differs from IEEE float32 in 2 edge cases measured when it started (listed below), so the cpu can flag another step or quantity.',
    );
  });

  it('returns null with no report and no warning', () => {
    expect(diagnose(null, [], DEFAULT_SCENARIO)).toBeNull();
  });
});

describe('suggestFixes', () => {
  it('offers one to three fixes', () => {
    const fixes = suggestFixes(report(), DEFAULT_SCENARIO);
    expect(fixes.length).toBeGreaterThanOrEqual(1);
    expect(fixes.length).toBeLessThanOrEqual(3);
  });

  it('suggests normalising badly scaled inputs first-ish and lowering the rate', () => {
    const s = { ...DEFAULT_SCENARIO, dataset: 'articleLinear' as const, optimizer: 'sgd' as const };
    const ids = suggestFixes(report(), s).map((f) => f.id);
    expect(ids).toContain('normalize');
    expect(suggestFixes(report(), s).find((f) => f.id === 'normalize')!.patch).toEqual({ normalization: 'zscore' });
  });

  it('suggests ε and the logits form for a naive BCE', () => {
    const s = { ...DEFAULT_SCENARIO, loss: 'bce' as const };
    const ids = suggestFixes(report({ phase: 'loss', quantity: 'loss/terms' }), s).map((f) => f.id);
    expect(ids.slice(0, 2)).toEqual(['epsilon', 'stableLoss']);
  });

  it("tells ε underflow from overflow in float16: Adam's ε of 1e-8 is stored as 0, so raising ε comes first", () => {
    const s = { ...DEFAULT_SCENARIO, optimizer: 'adam' as const, adamEps: 1e-8, precision: 'float16' as const };
    const fixes = suggestFixes(report({ phase: 'update', quantity: 'param/enc/dense1/kernel' }), s);
    expect(fixes.map((f) => f.id).slice(0, 2)).toEqual(['epsilon', 'float32']);
    expect(fixes[0]!.why).toBe('float16 rounds ε = 1.00e-8 to 0, so Adam divides by √v + 0');
    expect(fixes[0]!.patch).toEqual({ adamEps: 1e-4 });
    // bfloat16 has float32's range: 1e-8 is kept, so no ε fix.
    expect(suggestFixes(report(), { ...s, precision: 'bfloat16' }).map((f) => f.id)).not.toContain('epsilon');
    expect([roundsToZero(1e-8, 'float16'), roundsToZero(1e-7, 'float16'), roundsToZero(1e-8, 'float32')]).toEqual([true, false, false]);
  });

  it('suggests float32 for half precision', () => {
    const ids = suggestFixes(report(), { ...DEFAULT_SCENARIO, optimizer: 'sgd', precision: 'float16' }).map((f) => f.id);
    expect(ids[0]).toBe('float32');
  });

  it('divides the learning rate by ten', () => {
    const fix = suggestFixes(report({ phase: 'data' }), { ...DEFAULT_SCENARIO, lr: 5 }).find((f) => f.id === 'lowerLr')!;
    expect(fix.patch.lr).toBe(0.5);
  });
});
