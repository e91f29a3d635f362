/**
 * 1,000 seeded random dense scenarios over the space the dense path accepts, each trained on the
 * dense path and on the tfjs cpu trainer and compared bit for bit. Learning rates up to 1e4 and
 * input scales up to 1e12 send many runs to NaN or ±Inf, so flags, replays, reports and pauses are
 * compared too; the sentinel modes, snapshot spacing and held-out spacing vary with them.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rngFor, type Rng } from '../rng';
import { ACTIVATIONS, DEFAULT_SCENARIO, LOSSES, type Scenario } from '../scenario';
import type { SentinelMode } from '../sentinel';
import { compareDense } from '../testing/denseParity';
import type { TrainerOptions } from '../trainerTypes';
import { DENSE_MODELS, denseDeclineReason } from './eligibility';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const RUNS = 1000;

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)]!;
}

const logUniform = (rng: Rng, lo: number, hi: number): number => Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));

/** One random scenario of the accepted space, its options and its length. */
function draw(rng: Rng): { s: Scenario; options: TrainerOptions; steps: number } {
  const model = pick(rng, DENSE_MODELS);
  const plane = rng.uniform(0, 1) < 0.35;
  const dataset =
    model === 'predictions'
      ? pick(rng, ['logLossProbs', 'normalPredictions', 'largePredictions', 'tinyErrors', 'noisyPredictions'] as const)
      : model === 'autoencoder'
        ? pick(rng, plane ? (['circle', 'xor', 'spiral'] as const) : (['uniform', 'synthetic'] as const))
        : plane
          ? pick(rng, ['circle', 'xor', 'gaussians', 'spiral'] as const)
          : pick(rng, ['synthetic', 'labels', 'articleLinear', 'uniform'] as const);
  const optimizer = pick(rng, ['sgd', 'momentum', 'adam', 'adamw', 'rmsprop'] as const);
  const s: Scenario = {
    ...DEFAULT_SCENARIO,
    seed: 1 + rng.int(1_000_000),
    model,
    dataset,
    samples: 4 + rng.int(40),
    features: 1 + rng.int(5),
    hidden: Array.from({ length: rng.int(3) + (model === 'autoencoder' ? 1 : 0) }, () => 1 + rng.int(6)),
    activation: pick(rng, ACTIVATIONS),
    init: pick(rng, ['glorotUniform', 'heNormal', 'torchLinear', 'scaledNormal'] as const),
    initGain: logUniform(rng, 0.1, 30),
    loss: pick(rng, LOSSES),
    epsPlacement: pick(rng, ['none', 'one', 'both'] as const),
    reduction: pick(rng, ['mean', 'sum', 'sumThenDivide'] as const),
    optimizer,
    lr: logUniform(rng, 1e-4, 1e4),
    momentum: rng.uniform(0, 0.99),
    beta1: rng.uniform(0.5, 0.99),
    beta2: rng.uniform(0.9, 0.9999),
    adamEps: pick(rng, [1e-8, 1e-6, 0]),
    weightDecay: pick(rng, [0, 0, 1e-5, 1e-3, 0.1]),
    huberDelta: logUniform(rng, 0.01, 100),
    lossEps: pick(rng, [1e-7, 1e-3, 0]),
    inputScale: logUniform(rng, 1e-2, 1e12),
    normalization: pick(rng, ['none', 'none', 'zscore', 'minmax', 'iqr'] as const),
    outlierFraction: pick(rng, [0, 0, 0.1]),
    noise: rng.uniform(0, 0.5),
    trainFraction: rng.uniform(0.3, 0.9),
    x1Squared: rng.uniform(0, 1) < 0.3,
    x1TimesX2: rng.uniform(0, 1) < 0.3,
    batchSize: pick(rng, [0, 0, 1 + rng.int(8), 60]),
    continueOnFlag: rng.uniform(0, 1) < 0.3,
    precision: pick(rng, ['float32', 'float32', 'float16', 'bfloat16'] as const),
    clipping: pick(rng, ['none', 'none', 'value', 'norm'] as const),
    clipValue: logUniform(rng, 0.01, 100),
    skipNonFinite: rng.uniform(0, 1) < 0.2,
    predictionClamp: pick(rng, [0, 0, 0, 1.5, 100]),
    sentinel: true,
  };
  const sentinel = pick<SentinelMode>(rng, ['fast', 'fast', 'full', 'off']);
  const options: TrainerOptions = { sentinel, snapshotEvery: 1 + rng.int(12), heldOutEvery: pick(rng, [1, 3, 10]) };
  return { s, options, steps: 5 + rng.int(30) };
}

describe('random dense scenarios on the dense path and on tfjs cpu', () => {
  it('give the same bits in every record, report and pause', () => {
    const rng = rngFor(20261201, 'dense-property');
    let compared = 0;
    let flagged = 0;
    let steps = 0;
    const kinds = new Map<string, number>();
    const failures: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = draw(rng);
      if (denseDeclineReason(run.s, { ...run.options, densePath: 'auto' }, 'cpu') !== null) continue;
      const c = compareDense(run.s, run.steps, run.options);
      if (c.difference === 'the dense path declined') continue;
      compared++;
      steps += c.steps;
      if (c.report) {
        flagged++;
        kinds.set(c.report.kind, (kinds.get(c.report.kind) ?? 0) + 1);
      }
      if (c.difference !== null) failures.push(`${c.difference} in ${JSON.stringify(run)}`);
    }
    const kindText = [...kinds].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(
      `dense property: ${compared} of ${RUNS} eligible and compared (${steps} steps), ${flagged} met NaN/±Inf (${kindText}), ${failures.length} differed`,
    );
    expect(failures.slice(0, 3)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(0.8 * RUNS);
    // The generator must reach non-finite values often, or the sentinel's flow goes untested.
    expect(flagged).toBeGreaterThanOrEqual(0.15 * compared);
  }, 300_000);
});
