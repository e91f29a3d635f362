import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDataset } from './data/preprocess';
import { buildModel } from './models';
import { createOptimizer } from './optimizers';
import { makeRounder } from './precision';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { KeptByData } from './keptByData';
import { StepWatch, type CheckPlace, type WatchMode } from './sentinel';
import { FIELD_ORDER, StepLayout, type StepFields } from './stepLayout';
import { launchStep } from './stepMath';
import { WeightSquares } from './weightSquares';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const NAMES = ['enc/kernel', 'enc/bias', 'dec/kernel'];

describe('the step layout', () => {
  it('tiles the fixed part in field order, without gaps or overlaps; the watch section follows', () => {
    const layout = new StepLayout(NAMES);
    let end = 0;
    for (const f of FIELD_ORDER) {
      const { start, length } = layout.fields[f];
      expect([f, start]).toEqual([f, end]);
      expect(length).toBe(f === 'loss' || f === 'gradNorm' || f === 'skipped' ? 1 : NAMES.length);
      end = start + length;
    }
    expect(layout.watchStart).toBe(end);
    expect(end).toBe(3 + 4 * NAMES.length);
  });

  it('reads each field back from where pack wrote it', () => {
    // Every value is distinct, so two fields written in each other's place would read wrong.
    const layout = new StepLayout(NAMES);
    const perParam = (base: number): tf.Tensor[] => NAMES.map((_, k) => tf.scalar(base + k));
    const v = tf.tidy(() => {
      const fields: StepFields = {
        loss: tf.scalar(1),
        gradNorm: tf.scalar(2),
        skipped: tf.scalar(3),
        gradSquares: perParam(10),
        weightSquares: perParam(20),
        updateSquares: perParam(30),
        oldSquares: perParam(40),
      };
      return layout.pack(fields, tf.tensor1d([-1, -2])).dataSync();
    });
    expect([layout.at(v, 'loss'), layout.at(v, 'gradNorm'), layout.at(v, 'skipped')]).toEqual([1, 2, 3]);
    const same = (x: number): number => x;
    expect(layout.byName(v, 'gradSquares', same)).toEqual({ 'enc/kernel': 10, 'enc/bias': 11, 'dec/kernel': 12 });
    expect(layout.byName(v, 'weightSquares', same)).toEqual({ 'enc/kernel': 20, 'enc/bias': 21, 'dec/kernel': 22 });
    expect(layout.byName(v, 'updateSquares', same)).toEqual({ 'enc/kernel': 30, 'enc/bias': 31, 'dec/kernel': 32 });
    expect(layout.byName(v, 'oldSquares', (x, k) => x - k)).toEqual({ 'enc/kernel': 40, 'enc/bias': 40, 'dec/kernel': 40 });
    expect([...v].slice(layout.watchStart)).toEqual([-1, -2]);
    const nan = [...v];
    nan[3 + 2 * NAMES.length + 1] = NaN; // the second parameter's update
    expect(layout.anyNonFinite(nan, ['loss', 'gradSquares', 'weightSquares', 'oldSquares'])).toBe(false);
    expect(layout.anyNonFinite(nan, ['updateSquares'])).toBe(true);
  });

  it('refuses a per-parameter field with a tensor missing: it would shift every later field', () => {
    const layout = new StepLayout(NAMES);
    const count = tf.memory().numTensors;
    expect(() =>
      tf.tidy(() => {
        const one = tf.scalar(0);
        const all = NAMES.map(() => one);
        layout.pack({ loss: one, gradNorm: one, skipped: one, gradSquares: all, weightSquares: all, updateSquares: all.slice(1), oldSquares: all }, null);
      }),
    ).toThrow(/updateSquares: 2 tensors for 3 parameters/);
    expect(tf.memory().numTensors).toBe(count);
  });
});

describe('a real step through the layout', () => {
  // SGD on z-scored data, so that w_new − w_old = −lr·g can be checked against the variables themselves.
  const s: Scenario = {
    ...DEFAULT_SCENARIO,
    hidden: [],
    model: 'linear',
    dataset: 'articleLinear',
    normalization: 'zscore',
    optimizer: 'sgd',
    lr: 0.3,
    loss: 'mse',
  };

  function setup() {
    const data = prepareDataset(s);
    const model = buildModel(s, data);
    const optimizer = createOptimizer(s, model.params);
    const x = tf.tensor(Float32Array.from(data.x.values), data.x.shape);
    const y = tf.tensor(Float32Array.from(data.y.values), data.y.shape);
    const layout = new StepLayout(model.params.map((p) => p.name));
    const dispose = (): void => {
      model.params.forEach((p) => p.variable.dispose());
      optimizer.dispose();
      tf.dispose([x, y]);
    };
    const squares = new WeightSquares();
    return { model, optimizer, x, y, layout, squares, lastWeights: new KeptByData<Float32Array>(), dispose: () => (dispose(), squares.dispose()) };
  }

  function step(t: number, env: ReturnType<typeof setup>, mode: WatchMode, place: CheckPlace) {
    const watch = new StepWatch(mode, false, place);
    const { model, optimizer, x, y, layout } = env;
    try {
      const launched = launchStep({
        t,
        s,
        model,
        optimizer,
        round: makeRounder('float32'),
        watch,
        layout,
        x,
        y,
        rows: null,
        lossEps: s.lossEps,
        checkSecondMoments: true,
        // host: the watch in JS, the norms by kernels; gathered: both from the readback.
        hostNorms: place === 'gathered' ? 'float64' : null,
        gather: place === 'gathered',
        weightSquares: env.squares,
        lastWeights: env.lastWeights,
      });
      const size = launched.readback.size;
      const values = launched.readback.dataSync();
      launched.readback.dispose();
      return { size, sectionLength: watch.length, parts: launched.finish(values) };
    } finally {
      watch.dispose();
    }
  }

  it('covers the whole readback in every watch mode, on the host and with kernels', () => {
    for (const mode of ['fast', 'strict', 'full', 'off'] as const) {
      for (const place of ['device', 'host'] as const) {
        const env = setup();
        const { size, sectionLength, parts } = step(1, env, mode, place);
        if (place === 'host') expect(sectionLength, mode).toBe(0);
        else expect(sectionLength, mode).toBeGreaterThan(0); // at least the forward maxima
        expect(size, `${mode} ${place}`).toBe(env.layout.watchStart + sectionLength);
        expect(parts.record.nonFinite).toBe(false);
        env.dispose();
      }
    }
    // With kernels, each mode's section holds its head and the forward maxima.
    const lengths = (['off', 'fast', 'strict', 'full'] as const).map((mode) => {
      const env = setup();
      const { sectionLength } = step(1, env, mode, 'device');
      env.dispose();
      return sectionLength;
    });
    expect(lengths[1]).toBe(lengths[0]! + 1); // the sum of the uncovered (the input batch, not known finite here)
    expect(lengths[2]).toBe(lengths[0]! + 1); // the count
    expect(lengths[3]).toBeGreaterThan(lengths[2]!);
  });

  it.each(['device', 'gathered'] as const)("puts each number in its own field: the record's norms are the variables' own (%s)", (place) => {
    const env = setup();
    const norm = (a: ArrayLike<number>, b?: ArrayLike<number>): number => Math.hypot(...Array.from(a, (x, i) => x - (b?.[i] ?? 0)));
    for (const t of [1, 2]) {
      const before = env.model.params.map((p) => p.variable.dataSync().slice());
      const { record } = step(t, env, 'fast', place).parts;
      const after = env.model.params.map((p) => p.variable.dataSync().slice());
      env.model.params.forEach((p, k) => {
        const [w0, w1] = [before[k]!, after[k]!];
        expect(record.weightNorms[p.name]).toBeCloseTo(norm(w1), 5);
        expect(record.gradNorms[p.name]).toBeCloseTo(norm(w0, w1) / s.lr, 4);
        if (t === 2) expect(record.updateRatios[p.name]).toBeCloseTo(norm(w0, w1) / norm(w0), 5);
      });
      // The weights moved enough that the old and new norms cannot pass for each other.
      expect(Math.abs(norm(after[0]!) - norm(before[0]!))).toBeGreaterThan(0.01);
      expect(record.gradNorm).toBeCloseTo(Math.hypot(...Object.values(record.gradNorms)), 4);
      expect([record.skipped, record.step, record.loss > 0]).toEqual([false, t, true]);
    }
    env.dispose();
  });
});
