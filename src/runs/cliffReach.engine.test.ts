/**
 * The schema's learning-rate and input-scale ranges reach every lesson's float32 cliff: at either
 * maximum the lesson's run turns non-finite, so the claim search and the stability map can show
 * where it breaks. The old caps (1e4, 1e12) stopped short of the scaled autoencoder's cliff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createTrainer, initBackend } from '../engine/index';
import type { Scenario } from '../engine/scenario';
import { PRESETS, presetById, presetScenario } from '../scenarios/presets';
import { FIELD_BY_KEY, type NumberRange } from '../scenarios/schema';
import { runScenario } from './runScenario';

// Its predictions are clamped to ±100 before the loss, whatever the scale or step: no float32 cliff to reach.
const NO_CLIFF = new Set(['mse-clamped-predictions']);
const maxOf = (key: 'lr' | 'inputScale'): number => (FIELD_BY_KEY.get(key) as { range: NumberRange }).range.max;
/** Long enough for every lesson to overflow at the maxima; the classifier lessons train for thousands. */
const STEPS = 200;

const flagsAt = (s: Scenario): number | null =>
  runScenario({ ...s, precision: 'float32', steps: Math.min(s.steps, STEPS) }, createTrainer).firstNonFinite?.step ?? null;

beforeAll(async () => {
  tf.enableProdMode();
  await initBackend('cpu', 'mlp');
});

describe('ranges that reach the cliff', () => {
  it.each(PRESETS.filter((p) => !NO_CLIFF.has(p.id)).map((p) => [p.id]))('%s turns non-finite at the largest learning rate or input scale', (id) => {
    const base = presetScenario(presetById(id)!);
    const atMax = flagsAt({ ...base, lr: maxOf('lr') }) ?? flagsAt({ ...base, inputScale: maxOf('inputScale') });
    expect(atMax).not.toBeNull();
  });

  it('the scaled autoencoder stays finite at the old caps and breaks past them', () => {
    const base = presetScenario(presetById('autoencoder-scaled-tanh')!);
    expect([flagsAt({ ...base, lr: 1e4 }), flagsAt({ ...base, inputScale: 1e12 })]).toEqual([null, null]);
    expect(flagsAt({ ...base, lr: maxOf('lr') })).not.toBeNull();
    expect(flagsAt({ ...base, inputScale: maxOf('inputScale') })).not.toBeNull();
  });
});
