/**
 * Records pinned bit for bit: every preset and bench model, 30 steps on cpu, with the sentinel's
 * checks on the host and on the device, and with the sentinel off and in full. Each run's records
 * and verdict are hashed from the Float64 bits of every number, so a change that makes a step
 * faster but moves one rounding anywhere fails here. The hashes live in the snapshot beside this
 * file; a change that is meant to alter records updates them (`vitest -u`) and says why. On wasm
 * the JS sums are held to the kernels' records instead.
 */
import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../engine/backend';
import type { Scenario } from '../engine/scenario';
import type { SentinelMode } from '../engine/sentinel';
import { createTrainer, type TrainerOptions } from '../engine/trainer';
import { REFERENCE_MODELS } from '../lab/referenceModels';
import { PRESETS, presetScenario } from '../scenarios/presets';

const STEPS = 30;

afterAll(async () => {
  await tf.setBackend('cpu');
});

const bits = new DataView(new ArrayBuffer(8));

/** A value with every number as the hex of its Float64 bits and object keys sorted. */
function canonical(v: unknown): unknown {
  if (typeof v === 'number') {
    bits.setFloat64(0, v);
    return `${bits.getUint32(0).toString(16)}:${bits.getUint32(4).toString(16)}`;
  }
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, x]) => [k, canonical(x)]));
  }
  return v;
}

/** sha256 of a run's records and verdict, and whether its tensor count stayed flat. */
function runHash(s: Scenario, options: TrainerOptions): { hash: string; leaked: number } {
  const before = tf.memory().numTensors;
  const trainer = createTrainer({ ...s, continueOnFlag: true }, options);
  const records = trainer.run(STEPS);
  const report = trainer.report;
  trainer.dispose();
  const hash = createHash('sha256')
    .update(JSON.stringify(canonical({ records, report })))
    .digest('hex');
  return { hash: hash.slice(0, 16), leaked: tf.memory().numTensors - before };
}

const CASES: [string, Scenario][] = [
  ...PRESETS.map((p): [string, Scenario] => [p.id, presetScenario(p)]),
  ...REFERENCE_MODELS.filter((m) => m.id !== 'unet64').map((m): [string, Scenario] => [`bench ${m.id}`, m.scenario]),
];

const WATCHES: [string, SentinelMode, boolean][] = [
  ['fast, host checks', 'fast', true],
  ['fast, device checks', 'fast', false],
  ['full, host checks', 'full', true],
  ['off', 'off', true],
];

describe(`records of ${STEPS} cpu steps, hashed from their Float64 bits`, () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  it.each(CASES)('%s', (_id, s) => {
    const hashes: Record<string, string> = {};
    for (const [name, sentinel, hostChecks] of WATCHES) {
      // The U-Nets take seconds a run on cpu: their device-checked and full runs are left to the dense presets.
      if (s.model === 'unet' && name !== 'fast, host checks' && name !== 'off') continue;
      const { hash, leaked } = runHash(s, { sentinel, hostChecks });
      expect(leaked, `${name}: tensors left after dispose`).toBe(0);
      hashes[name] = hash;
    }
    expect(hashes).toMatchSnapshot();
  });
});

// wasm's own records are not pinned (its kernels are not ours to keep), but the sums the step adds
// up in JS there (hostNorms.ts) must give the records its kernels give.
describe(`records of ${STEPS} wasm steps: host sums and kernels agree bit for bit`, () => {
  beforeAll(async () => {
    expect((await initBackend('wasm', 'mlp')).active).toBe('wasm');
  });
  it.each(CASES)('%s', (_id, s) => {
    const host = runHash(s, { sentinel: 'fast', hostChecks: true });
    const device = runHash(s, { sentinel: 'fast', hostChecks: false });
    expect(host.leaked + device.leaked).toBe(0);
    expect(host.hash).toBe(device.hash);
  });
});
