import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, DEFAULT_SCENARIO, INITS, OPTIMIZERS, type Scenario } from './scenario';
import type { SentinelMode } from './sentinel';
import { createTrainer, unsupportedReason, type TrainerOptions } from './trainer';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });

const ARTICLE = base({ model: 'linear', dataset: 'articleLinear', optimizer: 'sgd', lr: 0.01, loss: 'mse' });
const AUTOENCODER = base({
  model: 'autoencoder',
  dataset: 'uniform',
  features: 10,
  hidden: [5],
  samples: 100,
  activation: 'linear',
  optimizer: 'adam',
  lr: 0.01,
});
const UNET = base({ model: 'unet', dataset: 'shapes', imageSize: 16, samples: 2, batchSize: 1, filters: 4, depth: 2, loss: 'bceLogits', optimizer: 'adam' });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function losses(s: Scenario, n: number, sentinel: SentinelMode = 'fast'): number[] {
  const t = createTrainer(s, { sentinel });
  const out = t.run(n).map((r) => r.loss);
  t.dispose();
  return out;
}

const fmt = (l: number): string => (Number.isFinite(l) ? l.toExponential(4) : String(l));

describe('the articles regression (X = [[1,1e5],[2,2e5],[3,3e5]], y = [10,20,30], SGD lr 0.01, MSE)', () => {
  it('becomes non-finite within 10 steps without normalisation', () => {
    const raw = losses({ ...ARTICLE, continueOnFlag: true }, 10);
    console.log('articleLinear, no normalisation, loss per step:', raw.map(fmt).join(', '));
    expect(raw.slice(0, 2)).toEqual([863749440, 7.524218828392975e26]);
    expect(raw.findIndex((l) => !Number.isFinite(l))).toBe(2); // step 3
    expect(Number.isNaN(raw[9])).toBe(true);
  });

  it('converges with z-score normalisation', () => {
    const z = losses({ ...ARTICLE, normalization: 'zscore' }, 500);
    console.log('articleLinear, z-score, loss at steps 1, 10, 50, 100, 200, 500:', [0, 9, 49, 99, 199, 499].map((i) => fmt(z[i]!)).join(', '));
    expect(z.every((l) => Number.isFinite(l))).toBe(true);
    expect(z[499]!).toBeLessThan(1e-5);
  });
});

describe('the replay after a flag', () => {
  it('is announced once, with the flagged step, before it runs; a full-checks run has none to announce', () => {
    const announced: number[] = [];
    const t = createTrainer(ARTICLE, { onReplay: (step) => announced.push(step) });
    const records = t.run(10);
    t.dispose();
    expect(records.at(-1)!.step).toBe(3);
    expect(announced).toEqual([3]);
    const full: number[] = [];
    const f = createTrainer(ARTICLE, { sentinel: 'full', onReplay: (step) => full.push(step) });
    f.run(10);
    f.dispose();
    expect(full).toEqual([]);
  });
});

describe('determinism', () => {
  const models: [string, Scenario, number][] = [
    ['linear', { ...ARTICLE, normalization: 'zscore' }, 5],
    ['mlp', base({}), 20],
    ['autoencoder', AUTOENCODER, 20],
    ['classifier', base({ model: 'classifier', dataset: 'labels', hidden: [4], loss: 'bceLogits', batchSize: 16 }), 20],
    ['predictions', base({ model: 'predictions', dataset: 'normalPredictions', samples: 100, inputScale: 100, optimizer: 'sgd', lr: 0.1 }), 10],
    ['customSquare', base({ model: 'customSquare', dataset: 'synthetic', normalization: 'zscore', optimizer: 'sgd', lr: 1e-3 }), 10],
    ['unet', UNET, 3],
  ];
  for (const [name, s, n] of models) {
    it(`${name}: two runs give identical loss histories (and the sentinel does not change them)`, () => {
      const a = losses(s, n);
      expect(a.every((l) => Number.isFinite(l))).toBe(true);
      expect(losses(s, n)).toEqual(a);
      expect(losses(s, n, 'off')).toEqual(a);
      expect(losses({ ...s, seed: s.seed + 1 }, n)).not.toEqual(a);
    });
  }
});

describe('no tensor leaks', () => {
  it('10,000 autoencoder steps (mini-batches, fast sentinel): tf.memory().numTensors is flat', () => {
    const t = createTrainer({ ...AUTOENCODER, batchSize: 32 });
    t.run(100);
    const after100 = tf.memory().numTensors;
    t.run(9900);
    expect(t.stepIndex).toBe(10000);
    expect(tf.memory().numTensors).toBe(after100);
    const before = tf.memory().numTensors;
    t.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  }, 120_000);

  it.each([
    ['the kernel-check path (GPU backends)', { hostChecks: false }],
    ['the gathered path (small models on GPU backends)', { gather: true }],
  ] as const)('%s is flat too: 1,000 autoencoder steps', (_, place) => {
    const t = createTrainer({ ...AUTOENCODER, batchSize: 32 }, place);
    t.run(50);
    const after50 = tf.memory().numTensors;
    t.run(950);
    expect(tf.memory().numTensors).toBe(after50);
    t.dispose();
  });

  it('every trainer, snapshot, replay and preview gives back all its tensors', () => {
    const start = tf.memory().numTensors;
    const scenarios = [ARTICLE, AUTOENCODER, UNET, base({ model: 'classifier', dataset: 'labels', hidden: [], loss: 'bce', precision: 'float16' })];
    const places: TrainerOptions[] = [
      { hostChecks: true, sentinel: 'fast' },
      { hostChecks: false, sentinel: 'fast' },
      { hostChecks: false, sentinel: 'full' },
      { gather: true, sentinel: 'fast' },
      { gather: true, sentinel: 'full' },
    ];
    for (const [s, place] of scenarios.flatMap((sc) => places.map((p) => [sc, p] as const))) {
      const t = createTrainer(s, { snapshotEvery: 2, ...place });
      t.run(3);
      const snap = t.snapshot();
      t.run(2);
      t.restore(snap);
      t.preview();
      snap.dispose();
      t.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('step records', () => {
  it('hold per-parameter norms consistent with the global norm and, for SGD, ‖Δw‖ = lr·‖g‖', () => {
    const s = { ...ARTICLE, normalization: 'zscore' as const };
    const t = createTrainer(s);
    const [r1, r2] = t.run(2);
    expect(t.parameterNames()).toEqual(['dense/kernel', 'dense/bias']);
    expect(Object.keys(r2!.gradNorms)).toEqual(t.parameterNames());
    expect(Math.hypot(...Object.values(r2!.gradNorms))).toBeCloseTo(r2!.gradNorm, 3);
    for (const k of t.parameterNames()) expect(r2!.updateRatios[k]! * r1!.weightNorms[k]!).toBeCloseTo(0.01 * r2!.gradNorms[k]!, 4);
    expect(r1!.activationMax).toEqual({ dense: r1!.activationMax.dense });
    expect([r1!.nonFinite, r1!.skipped, r1!.step, r2!.step]).toEqual([false, false, 1, 2]);
    t.dispose();
  });

  it('are the same with the sentinel off, fast or full, checked in JS, with kernels or on gathered values', () => {
    const s = { ...AUTOENCODER, activation: 'tanh' as const };
    const places: TrainerOptions[] = [{ hostChecks: true }, { hostChecks: false }, { gather: true }];
    const runs = (['off', 'fast', 'full'] as const).flatMap((sentinel) =>
      places.map((place) => {
        const t = createTrainer(s, { sentinel, ...place });
        const recs = t.run(5);
        t.dispose();
        return recs;
      }),
    );
    expect(Object.keys(runs[0]![0]!.activationMax)).toEqual(['enc/dense1', 'dec/dense1']);
    for (const r of runs.slice(1)) expect(r).toEqual(runs[0]);
  });

  it('previews: regression points, autoencoder rows, classifier probabilities, predictions', () => {
    const kinds = [
      ARTICLE,
      AUTOENCODER,
      base({ model: 'classifier', dataset: 'labels', hidden: [] }),
      base({ model: 'predictions', dataset: 'largePredictions' }),
    ].map((s) => {
      const t = createTrainer(s);
      const p = t.preview();
      t.dispose();
      return p;
    });
    expect(kinds.map((p) => p.kind)).toEqual(['regression', 'autoencoder', 'classifier', 'predictions']);
    const [reg, ae, , pred] = kinds;
    if (reg?.kind === 'regression')
      expect(reg.points.map((p) => [p.x, p.y])).toEqual([
        [1, 10],
        [2, 20],
        [3, 30],
      ]);
    if (ae?.kind === 'autoencoder') expect([ae.inputs.length, ae.inputs[0]!.length, ae.reconstructions[0]!.length]).toEqual([4, 10, 10]);
    if (pred?.kind === 'predictions')
      expect([pred.predictions, pred.targets]).toEqual([
        [1000, 2000, 3000],
        [1, 2, 3],
      ]);
  });
});

describe('snapshot and restore', () => {
  it('restoring replays the same losses', () => {
    const t = createTrainer(AUTOENCODER);
    t.run(5);
    const snap = t.snapshot();
    const first = t.run(5).map((r) => r.loss);
    t.restore(snap);
    expect(t.stepIndex).toBe(5);
    expect(t.run(5).map((r) => r.loss)).toEqual(first);
    snap.dispose();
    t.dispose();
  });
});

describe('the U-Net', () => {
  it('trains at 16×16 with transposed upsampling and batch norm, names its layers', () => {
    const s = { ...UNET, depth: 1, upsampling: 'transposed' as const, batchNorm: true, loss: 'mse' as const };
    const t = createTrainer(s);
    const recs = t.run(5);
    expect(t.layerNames()).toEqual(['enc1/conv', 'bottleneck/conv', 'dec1/up', 'dec1/conv', 'out/conv']);
    expect(t.parameterNames()).toContain('enc1/conv/bn/gamma');
    expect(Object.keys(recs[0]!.activationMax)).toEqual(t.layerNames());
    const p = t.preview();
    expect(p.kind).toBe('unet');
    if (p.kind === 'unet') expect([p.width, p.height, p.input.length, p.predicted.length, p.error.length]).toEqual([16, 16, 256, 256, 256]);
    t.dispose();
  });

  it('is supported on every backend (wasm with our kernels: wasm.test.ts)', () => {
    expect(unsupportedReason(UNET, 'wasm')).toBeNull();
    expect(unsupportedReason(UNET, 'cpu')).toBeNull();
    expect(unsupportedReason(AUTOENCODER, 'wasm')).toBeNull();
  });
});

describe('every option trains', () => {
  it('each init, activation and optimizer runs 5 finite steps on the MLP', () => {
    for (const init of INITS) for (const activation of ACTIVATIONS) expect(losses(base({ init, activation }), 5).every(Number.isFinite)).toBe(true);
    for (const optimizer of OPTIMIZERS) {
      const l = losses(base({ optimizer, weightDecay: 1e-3 }), 30);
      expect(l.every(Number.isFinite)).toBe(true);
      expect(l[29]!).toBeLessThan(l[0]!);
    }
  });

  it('clipping by norm or value keeps the articles regression finite; skipNonFinite keeps the weights when a gradient is Inf', () => {
    for (const clipping of ['norm', 'value'] as const) {
      const t = createTrainer({ ...ARTICLE, clipping, clipValue: 1 });
      const recs = t.run(20);
      expect(recs[0]!.gradNorm).toBeGreaterThan(1e6); // reported before clipping
      expect(recs.every((r) => Number.isFinite(r.loss))).toBe(true);
      expect(t.report).toBeNull();
      t.dispose();
    }
    const skip = createTrainer(
      base({ model: 'customSquare', dataset: 'synthetic', optimizer: 'sgd', gradFault: true, skipNonFinite: true, continueOnFlag: true }),
    );
    const before = skip.step();
    expect(before.skipped).toBe(true);
    expect(skip.step().weightNorms).toEqual(before.weightNorms);
    skip.dispose();
  });
});
