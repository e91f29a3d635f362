import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockFromRows, type Dataset } from './data/tabular';
import type { NonFiniteReport } from './records';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { createTrainer, type TrainerOptions } from './trainer';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });
const article = (over: Partial<Scenario>): Scenario => base({ model: 'linear', dataset: 'articleLinear', optimizer: 'sgd', lr: 0.01, loss: 'mse', ...over });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Run with the fast sentinel and with full checks on every step, each with checks scanned in JS (cpu's default),
 * with check kernels (the GPU path) and on values gathered into the readback (a small model on a GPU): all six
 * must give the same verdict.
 */
function verdict(s: Scenario, steps: number, opts: TrainerOptions = {}): NonFiniteReport {
  const places: TrainerOptions[] = [{ hostChecks: true }, { hostChecks: false }, { gather: true }];
  const modes = places.flatMap((place) => (['fast', 'full'] as const).map((sentinel) => ({ ...place, sentinel })));
  const reports = modes.map((mode) => {
    const t = createTrainer(s, { ...opts, ...mode });
    t.run(steps);
    const r = t.report;
    expect(t.paused).toBe(r !== null);
    t.dispose();
    return r;
  });
  expect(reports[0]).not.toBeNull();
  // replay == full checks (and JS scan == kernels): step, quantity, kind, counts, cascade, last max, growth
  for (const r of reports.slice(1)) expect(r).toEqual(reports[0]);
  return reports[0]!;
}

const cascadeNames = (r: NonFiniteReport): string[] => r.cascade.map((c) => `${c.quantity} ${c.kind}`);

describe('the sentinel pins the first non-finite quantity, one phase at a time', () => {
  it('data: Inf in the input batch (article data × 1e34: 3e5·1e34 > 3.4e38)', () => {
    const r = verdict(article({ inputScale: 1e34 }), 5);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'data/x', 'data', '+Inf']);
    expect(r.counts).toEqual({ nan: 0, posInf: 3, negInf: 0 });
    expect(r.lastFiniteMaxAbs).toBeNull();
    expect(cascadeNames(r)[0]).toBe('dense/preact -Inf');
  });

  it('loss: log(0) gives −Inf in y·log(p) for p = 0, y = 1', () => {
    const d: Dataset = {
      kind: 'logLossProbs',
      x: blockFromRows([[0.5], [0]]),
      y: blockFromRows([[1], [1]]),
      predictions: blockFromRows([[0.5], [0]]),
      rows: 2,
    };
    const r = verdict(base({ model: 'predictions', dataset: 'logLossProbs', optimizer: 'sgd', loss: 'bce' }), 3, { dataset: d });
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'loss/y·log(p)', 'loss', '-Inf']);
    expect(r.counts).toEqual({ nan: 0, posInf: 0, negInf: 1 });
    expect(cascadeNames(r)).toEqual(['loss/elements +Inf', 'loss/value +Inf', 'grad/predictions/values -Inf', 'param/predictions/values +Inf']);
  });

  it('loss: 0·log 0 gives NaN (the articles probabilities [0,1,0,0] vs labels [0,1,0,1])', () => {
    const r = verdict(base({ model: 'predictions', dataset: 'logLossProbs', optimizer: 'sgd', loss: 'bce' }), 3);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'loss/y·log(p)', 'loss', 'NaN']);
    expect(r.counts).toEqual({ nan: 2, posInf: 0, negInf: 1 });
    expect(cascadeNames(r)[0]).toBe('loss/(1−y)·log(1−p) NaN');
  });

  it('backward: a custom backward that divides by zero', () => {
    const r = verdict(base({ model: 'customSquare', dataset: 'synthetic', optimizer: 'sgd', gradFault: true }), 3);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'grad/square/custom/input', 'backward', '+Inf']);
    expect(r.counts).toEqual({ nan: 0, posInf: 60, negInf: 4 });
    expect(cascadeNames(r)).toEqual([
      'grad/square/dense/kernel NaN',
      'grad/square/dense/bias NaN',
      'param/square/dense/kernel NaN',
      'param/square/dense/bias NaN',
    ]);
    // The honest backward trains.
    const t = createTrainer(base({ model: 'customSquare', dataset: 'synthetic', normalization: 'zscore', optimizer: 'sgd', lr: 1e-3 }));
    const recs = t.run(20);
    expect(t.report).toBeNull();
    expect(recs[19]!.loss).toBeLessThan(recs[0]!.loss);
    t.dispose();
  });

  it('clip: finite gradients whose global norm overflows (article data × 1e12, clipping by norm)', () => {
    const r = verdict(article({ inputScale: 1e12, clipping: 'norm', clipValue: 1 }), 3);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'clip/globalNorm', 'clip', '+Inf']);
    expect(r.counts).toEqual({ nan: 0, posInf: 1, negInf: 0 });
    // scale = c / max(Inf, c) = 0: every gradient is multiplied by 0, nothing downstream is non-finite.
    expect(r.cascade).toEqual([]);
  });

  it('update: weights overflow after one step with lr = 1e38', () => {
    const r = verdict(article({ lr: 1e38 }), 3);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'param/dense/kernel', 'update', '+Inf']);
    expect(r.counts).toEqual({ nan: 0, posInf: 2, negInf: 0 });
    expect(cascadeNames(r)).toEqual(['param/dense/bias +Inf']);
  });

  it('forward: an fp16 pre-activation overflows past 65504 (uniform × 6e4, 10 features)', () => {
    const s = base({ model: 'mlp', dataset: 'uniform', features: 10, inputScale: 6e4, activation: 'relu', precision: 'float16' });
    const r = verdict(s, 3);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'dense1/preact', 'forward', '-Inf']);
    expect(r.counts).toEqual({ nan: 0, posInf: 10, negInf: 17 });
    expect(cascadeNames(r).slice(0, 2)).toEqual(['dense1/act +Inf', 'out/preact +Inf']);
    const t = createTrainer({ ...s, precision: 'bfloat16' });
    t.run(3);
    expect(t.report).toBeNull(); // bf16 has float32's range
    t.dispose();
  });

  it("update: Adam's v underflows to 0 in fp16 and ε = 1e-8 rounds to 0, so m̂/(√v̂+ε) divides by zero", () => {
    const s = base({ model: 'predictions', dataset: 'noisyPredictions', samples: 10000, optimizer: 'adam', lr: 0.001, precision: 'float16' });
    const r = verdict(s, 3);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'param/predictions/values', 'update', 'NaN']);
    // m = 0 where the fp16 gradient itself underflowed: 0/0 = NaN; elsewhere ±m/0 = ∓Inf after the subtraction.
    expect(r.counts).toEqual({ nan: 12, posInf: 4712, negInf: 5276 });
    expect(r.cascade).toEqual([]);
    for (const over of [{ precision: 'float32' as const }, { adamEps: 1e-3 }]) {
      const t = createTrainer({ ...s, ...over });
      t.run(3);
      expect(t.report).toBeNull();
      t.dispose();
    }
  });
});

describe('optimizer state the fast flag sees only through the parameter, or on its own', () => {
  // Article data × 1e-3 in float16: finite gradients of ~2e4, a learning rate too small to move much.
  const fp16 = (over: Partial<Scenario>): Scenario => article({ inputScale: 1e-3, lr: 1e-7, precision: 'float16', ...over });

  it('a momentum buffer (a first moment) overflowing past 65504 shows in its parameter the same step', () => {
    const r = verdict(fp16({ optimizer: 'momentum', momentum: 0.9 }), 10);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([4, 'momentum/buf/dense/kernel', 'update', '-Inf']);
    expect(cascadeNames(r)).toEqual(['param/dense/kernel +Inf']); // w − lr·(−Inf)
  });

  it("Adam's v (a second moment) overflowing leaves the parameter finite (m/Inf = 0): v is checked on its own", () => {
    const r = verdict(fp16({ optimizer: 'adam' }), 10);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([1, 'adam/v/dense/kernel', 'update', '+Inf']);
    expect(r.cascade).toEqual([]);
  });
});

describe('the articles loss-only examples', () => {
  const firstLoss = (s: Scenario): { loss: number; quantity: string | null } => {
    const t = createTrainer(s);
    const r = t.step();
    const out = { loss: r.loss, quantity: t.report?.quantity ?? null };
    t.dispose();
    return out;
  };

  it('randn(100)·100 vs zeros: finite MSE even in float16; ×1000 overflows in float16, clamping to ±100 or L1 fixes it', () => {
    const s = base({ model: 'predictions', dataset: 'normalPredictions', samples: 100, inputScale: 100, optimizer: 'sgd', loss: 'mse' });
    expect(Number.isFinite(firstLoss(s).loss)).toBe(true);
    expect(firstLoss({ ...s, precision: 'float16' }).quantity).toBeNull(); // max |p| ≈ 250: 250² < 65504
    const half = firstLoss({ ...s, inputScale: 1000, precision: 'float16' });
    expect([half.loss, half.quantity]).toEqual([Infinity, 'loss/elements']);
    expect(Number.isFinite(firstLoss({ ...s, inputScale: 1000, precision: 'float16', predictionClamp: 100 }).loss)).toBe(true);
    expect(Number.isFinite(firstLoss({ ...s, inputScale: 1000, precision: 'float16', loss: 'l1' }).loss)).toBe(true);
  });

  it('100 000 slightly-off predictions: float32 is fine either way; in float16 sum-then-divide overflows, cpu mean does not', () => {
    const s = base({ model: 'predictions', dataset: 'noisyPredictions', samples: 100000, optimizer: 'sgd', loss: 'mse' });
    for (const reduction of ['mean', 'sumThenDivide'] as const) expect(Number.isFinite(firstLoss({ ...s, reduction }).loss)).toBe(true);
    expect(Number.isFinite(firstLoss({ ...s, precision: 'float16', reduction: 'mean' }).loss)).toBe(true);
    const sum = firstLoss({ ...s, precision: 'float16', reduction: 'sumThenDivide' });
    expect([sum.loss, sum.quantity]).toEqual([Infinity, 'loss/value']);
  });
});

describe('replay from a snapshot', () => {
  it('pins the articles regression at step 3 (loss elements +Inf) from a snapshot at step 0 or 2', () => {
    for (const snapshotEvery of [20, 2, 1]) {
      const r = verdict(article({}), 10, { snapshotEvery });
      expect([r.step, r.quantity, r.phase, r.kind]).toEqual([3, 'loss/elements', 'loss', '+Inf']);
      expect(r.lastFiniteMaxAbs).toBe(1.451099398180771e27);
    }
  });

  it('a gradient norm that overflows on finite gradients is a false alarm: replayed clean, then exact counts', () => {
    // Article data × 1e12: step 1's gradients are finite (~1e36) but their sum of squares is +Inf.
    const s = article({ inputScale: 1e12 });
    const r = verdict(s, 4);
    expect([r.step, r.quantity, r.phase, r.kind]).toEqual([2, 'dense/preact', 'forward', '+Inf']);
    for (const hostChecks of [true, false]) {
      const t = createTrainer(s, { sentinel: 'fast', hostChecks });
      const [first, second] = t.run(4);
      expect([first!.gradNorm, first!.nonFinite, second!.nonFinite]).toEqual([Infinity, false, true]);
      t.dispose();
    }
  });

  it('pauses after a flag, keeps going with continueOnFlag, and records each step', () => {
    const t = createTrainer(article({}));
    expect(t.run(10).length).toBe(3);
    expect(t.paused).toBe(true);
    t.dispose();
    const c = createTrainer(article({ continueOnFlag: true }));
    const recs = c.run(10);
    expect(recs.map((x) => x.nonFinite)).toEqual([false, false, true, true, true, true, true, true, true, true]);
    expect(c.report?.step).toBe(3);
    expect(c.paused).toBe(false);
    c.dispose();
  });
});

describe('warnings before the fact', () => {
  it('fastGrowth after 3 steps of >10× growth, overflowRisk before the first Inf', () => {
    const t = createTrainer(article({ lr: 1e-9 }));
    const recs = t.run(40);
    const warnings = recs.flatMap((r) => r.warnings.map((w) => `${w.step} ${w.kind} ${w.quantity}`));
    expect([t.report!.step, t.report!.quantity]).toEqual([9, 'loss/elements']);
    expect(warnings).toEqual([
      '4 fastGrowth gradNorm',
      '4 fastGrowth weight/dense/kernel',
      '4 fastGrowth weight/dense/bias',
      '4 fastGrowth loss/value',
      '8 overflowRisk loss/elements',
    ]);
    t.dispose();
  });
});
