/**
 * Every preset the dense fast path accepts, run for its steps on the dense path and on the tfjs
 * cpu trainer: every record, the report, the pause and the step count bit for bit.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseDeclineReason } from '../engine/dense/eligibility';
import { denseParity } from '../engine/testing/denseParity';
import { PRESETS, presetScenario } from '../scenarios/presets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const accepted = PRESETS.filter((p) => denseDeclineReason(presetScenario(p), { densePath: 'auto' }, 'cpu') === null);

describe('dense presets on the dense path and on tfjs cpu', () => {
  it('include the lessons the stability map and TensorFlow Playground use', () => {
    const ids = accepted.map((p) => p.id);
    expect(ids).toContain('autoencoder-plain');
    expect(ids).toContain('playground-circle');
  });

  it.each(accepted.map((p) => [p.id, p] as const))('%s: the same bits for all its steps', (_id, p) => {
    const s = presetScenario(p);
    expect(denseParity(s, s.steps)).toBeNull();
  });
});
