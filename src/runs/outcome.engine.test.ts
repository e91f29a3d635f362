/** Presets against the real engine on the cpu backend: every preset builds, and a few quick claims decide as the engine computes them. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createTrainer, initBackend, unsupportedReason } from '../engine/index';
import { PRESETS, presetById, presetScenario } from '../scenarios/presets';
import { computeOutcome } from './outcome';

beforeAll(async () => {
  tf.enableProdMode(); // silence tfjs's advice to install tfjs-node
  await initBackend('cpu', 'linear');
});

describe('presets on the engine', () => {
  it('every preset is a scenario the engine accepts on cpu', () => {
    for (const p of PRESETS) expect(unsupportedReason(presetScenario(p), 'cpu'), p.id).toBeNull();
  });

  it.each([
    ['unscaled-features-sgd', 'holds'],
    ['log-loss-zero-probability', 'holds'],
    ['custom-backward-divide-by-zero', 'holds'],
  ])('%s: the broken example does break (%s)', (id, verdict) => {
    const preset = presetById(id)!;
    const { run, outcome } = computeOutcome(presetScenario(preset), preset.claim.check, createTrainer, { search: false });
    expect(outcome.verdict).toBe(verdict);
    expect(run.firstNonFinite).not.toBeNull();
  });

  it('leaks no tensors across a run and its search', () => {
    const preset = presetById('log-loss-epsilon')!;
    const before = tf.memory().numTensors;
    const { outcome } = computeOutcome(presetScenario(preset), preset.claim.check, createTrainer, { maxRuns: 3 });
    expect(outcome.search!.tried.length).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  });
});
