/** Claims, outcomes and the bracketing search, driven by a scripted trainer (no tfjs, milliseconds). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { evaluateClaim } from './claims';
import { computeOutcome } from './outcome';
import { downsampleLoss, runScenario } from './runScenario';
import { scripted } from './testing/scriptedTrainer';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [16], steps: 20, ...over });

describe('runScenario', () => {
  it('stops at the first non-finite step and reports where it was', () => {
    const run = runScenario(
      scenario(),
      scripted(() => 5),
    );
    expect(run.steps).toBe(5);
    expect(run.firstNonFinite).toEqual({ step: 5, quantity: 'grad/dense1/kernel', kind: 'NaN', phase: 'backward' });
    expect(run.finalLoss).toBeNaN();
  });

  it('runs every step of a healthy scenario', () => {
    const run = runScenario(
      scenario(),
      scripted(
        () => null,
        (_s, k) => 1 / k,
      ),
    );
    expect(run.steps).toBe(20);
    expect(run.firstNonFinite).toBeNull();
    expect(run.finalLoss).toBeCloseTo(0.05);
  });
});

describe('downsampleLoss', () => {
  it('keeps at most the limit, the first and last step, and the step asked for', () => {
    const losses = Array.from({ length: 10_007 }, (_, i) => i);
    const points = downsampleLoss(losses, 500, 4321);
    expect(points.length).toBeLessThanOrEqual(500);
    expect(points[0]).toEqual({ step: 1, loss: 0 });
    expect(points.at(-1)).toEqual({ step: 10_007, loss: 10_006 });
    expect(points.some((p) => p.step === 4321)).toBe(true);
    expect(points.map((p) => p.step)).toEqual([...points.map((p) => p.step)].sort((a, b) => a - b));
    expect(downsampleLoss([1, 2, 3])).toEqual([
      { step: 1, loss: 1 },
      { step: 2, loss: 2 },
      { step: 3, loss: 3 },
    ]);
  });
});

describe('evaluateClaim', () => {
  const nanAt3 = runScenario(
    scenario(),
    scripted(() => 3),
  );
  const healthy = runScenario(
    scenario(),
    scripted(
      () => null,
      () => 0,
    ),
  );
  it('decides each kind of claim', () => {
    expect(evaluateClaim({ expect: 'nonFinite', withinSteps: 3 }, nanAt3).holds).toBe(true);
    expect(evaluateClaim({ expect: 'nonFinite', withinSteps: 2 }, nanAt3).holds).toBe(false);
    expect(evaluateClaim({ expect: 'finite' }, nanAt3).holds).toBe(false);
    expect(evaluateClaim({ expect: 'finite' }, healthy).holds).toBe(true);
    expect(evaluateClaim({ expect: 'lossBelow', value: 1e-30, atStep: 1 }, healthy)).toEqual({ holds: true, observed: 'loss 0 at step 1', otherReason: null });
    expect(evaluateClaim({ expect: 'lossAbove', value: 1, atStep: 1 }, healthy).holds).toBe(false);
    // A NaN loss is neither below nor above anything, and a run that stopped early cannot show step 10.
    expect(evaluateClaim({ expect: 'lossBelow', value: 10, atStep: 3 }, nanAt3).holds).toBe(false);
    expect(evaluateClaim({ expect: 'lossBelow', value: 10, atStep: 10 }, nanAt3).observed).toMatch(/stopped at step 3/);
  });
});

describe('computeOutcome', () => {
  it('a claim that comes true elsewhere than the article says holds, for another reason (also when only a variant makes it)', () => {
    const inTheLoss = { phases: ['loss'] as const, words: 'in the loss' };
    const other = computeOutcome(
      scenario(),
      { expect: 'nonFinite', withinSteps: 10, where: inTheLoss },
      scripted(() => 2),
    ).outcome;
    expect(other).toMatchObject({
      verdict: 'holdsForAnotherReason',
      text: 'it holds, for another reason: the article puts it in the loss, and here it first appears in grad/dense1/kernel (backward)',
    });
    const same = computeOutcome(
      scenario(),
      { expect: 'nonFinite', withinSteps: 10, where: { phases: ['backward'], words: 'in the gradients' } },
      scripted(() => 2),
    );
    expect(same.outcome.verdict).toBe('holds');
    // The right phase but another quantity than the article names (a term of the loss, not its reduction) is elsewhere.
    const narrow = { phases: ['backward'] as const, quantities: ['grad/out/'], words: 'in the output layer’s gradient' };
    expect(
      computeOutcome(
        scenario(),
        { expect: 'nonFinite', withinSteps: 10, where: narrow },
        scripted(() => 2),
      ).outcome.verdict,
    ).toBe('holdsForAnotherReason');
    const named = { ...narrow, quantities: ['grad/dense1/'] };
    expect(
      computeOutcome(
        scenario(),
        { expect: 'nonFinite', withinSteps: 10, where: named },
        scripted(() => 2),
      ).outcome.verdict,
    ).toBe('holds');
    const variant = computeOutcome(
      scenario(),
      { expect: 'nonFinite', withinSteps: 1, where: inTheLoss },
      scripted((s) => (s.precision === 'float16' ? 1 : null)),
    );
    expect(variant.outcome.verdict).toBe('holdsOnlyWith');
    expect(variant.outcome.text).toBe(
      'it holds only with precision float16, for another reason: the article puts it in the loss, and here it first appears in grad/dense1/kernel (backward)',
    );
  });

  it('says the claim holds without searching', () => {
    const trainer = scripted(() => 2);
    const { outcome } = computeOutcome(scenario(), { expect: 'nonFinite', withinSteps: 10 }, trainer);
    expect(outcome).toMatchObject({ verdict: 'holds', text: 'the claim holds', search: null });
    expect(trainer.made).toBe(1);
  });

  it('finds a lower precision first when that makes the NaN appear', () => {
    const trainer = scripted((s) => (s.precision === 'float16' ? 1 : null));
    const { outcome } = computeOutcome(scenario(), { expect: 'nonFinite', withinSteps: 1 }, trainer);
    expect(outcome.text).toBe('it holds only with precision float16');
    expect(outcome.search!.found).toMatchObject({ key: 'precision', value: 'float16', from: 'float32' });
    expect(outcome.search!.found!.query).toBe('v=1&prec=float16&steps=20');
  });

  it('brackets the learning rate to the nearest value that makes it diverge, within the run budget', () => {
    // Diverges when lr ≥ 0.7; the search starts at 0.01.
    const trainer = scripted((s) => (s.lr >= 0.7 ? 4 : null));
    const { outcome } = computeOutcome(scenario(), { expect: 'nonFinite', withinSteps: 10 }, trainer, { maxRuns: 12 });
    expect(outcome.verdict).toBe('holdsOnlyWith');
    expect(outcome.search!.found!.key).toBe('lr');
    const lr = outcome.search!.found!.value as number;
    expect(lr).toBeGreaterThanOrEqual(0.7);
    expect(lr).toBeLessThan(1);
    expect(outcome.search!.tried.length).toBeLessThanOrEqual(12);
    expect(trainer.made).toBeLessThanOrEqual(13);
  });

  it('reaches a cliff eight decades above the learning rate: after two plain steps each step squares the factor', () => {
    // Adam's autoencoder overflows near lr 1e6, from 0.01: ten-fold steps alone would need eight runs.
    const trainer = scripted((s) => (s.lr >= 1e6 ? 2 : null));
    const { outcome } = computeOutcome(scenario(), { expect: 'nonFinite', withinSteps: 10 }, trainer, { maxRuns: 12 });
    const lrs = outcome.search!.tried.filter((t) => t.key === 'lr').map((t) => t.value);
    expect(lrs.slice(0, 4)).toEqual([0.1, 1, 100, 1e6]);
    expect(outcome.search!.found).toMatchObject({ key: 'lr', value: 1e6 });
  });

  it('searches gentler settings for a safety claim and reports failure with what it tried', () => {
    const trainer = scripted(() => 3);
    const { outcome } = computeOutcome(scenario(), { expect: 'finite' }, trainer, { maxRuns: 8 });
    expect(outcome.verdict).toBe('doesNotHold');
    expect(outcome.text).toBe('it does not hold in float32');
    const keys = outcome.search!.tried.map((t) => t.key);
    expect(keys).toContain('lr');
    expect(keys).toContain('inputScale');
    for (const t of outcome.search!.tried.filter((x) => x.key === 'lr')) expect(t.value as number).toBeLessThan(0.01);
  });
});
