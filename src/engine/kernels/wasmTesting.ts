/**
 * Shared by the wasm kernel tests: seeded inputs with NaN, ±Inf and 0 planted, one kernel run on
 * cpu or wasm, and the comparison of the two.
 *
 * Tolerance rule: the kind of every element (NaN, +Inf, −Inf, finite) must be the same as on cpu,
 * and a finite element may differ from cpu's by at most 1e-5 × the largest finite |cpu| value of
 * the same tensor. Relative to the tensor, not to the element: one element can be a sum that
 * cancels, and XNNPACK sums in float32 in another order while cpu sums in double.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { nonFiniteKind } from '../records';
import { Rng } from '../rng';
import { expectKinds } from '../testing/nonFinite';

const TOLERANCE = 1e-5;

export type Shape4 = [number, number, number, number];

/** A tensor's shape and values, to build on either backend. */
export interface Input {
  shape: Shape4;
  values: Float32Array;
}

/** Uniform values in [−1, 1) from a seed. */
export function seeded(shape: Shape4, seed: number): Input {
  const rng = new Rng(seed);
  return { shape, values: Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => rng.uniform(-1, 1)) };
}

/** NaN, +Inf, −Inf and 0 at seeded places, and NaN in the first element (a corner, where 'same' pads). */
export function planted(input: Input, seed: number): Input {
  const values = input.values.slice();
  const rng = new Rng(seed);
  for (const v of [NaN, Infinity, -Infinity, 0]) values[rng.int(values.length)] = v;
  values[0] = NaN;
  return { shape: input.shape, values };
}

/** One kernel on one backend, through the engine as tfjs's gradients call it. */
export async function runOn(backend: 'cpu' | 'wasm', kernel: string, inputs: Record<string, Input>, attrs: tf.NamedAttrMap): Promise<Float32Array> {
  expect(await tf.setBackend(backend)).toBe(true);
  return tf.tidy(() => {
    const ts = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tf.tensor4d(v.values, v.shape)]));
    return (tf.engine().runKernel(kernel, ts, attrs) as tf.Tensor).dataSync() as Float32Array;
  });
}

/** Throws unless wasm matches cpu under the tolerance rule above. */
export function expectLikeCpu(wasm: Float32Array, cpu: Float32Array): void {
  expect(wasm.length).toBe(cpu.length);
  expectKinds(
    wasm,
    Array.from(cpu, (v) => nonFiniteKind(v) ?? 'finite'),
  );
  let scale = 0;
  for (const v of cpu) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < cpu.length; i++) if (Number.isFinite(cpu[i]!)) worst = Math.max(worst, Math.abs(wasm[i]! - cpu[i]!));
  expect(worst).toBeLessThanOrEqual(TOLERANCE * scale);
}

/** The kernel on wasm against cpu for two inputs: as given, with values planted in the first, in the second, in both. */
export async function expectLikeCpuPlanted(kernel: string, inputs: Record<string, Input>, attrs: tf.NamedAttrMap, seed: number): Promise<void> {
  const [[a, av], [b, bv]] = Object.entries(inputs) as [[string, Input], [string, Input]];
  for (const [plantA, plantB] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ]) {
    const run = { [a]: plantA ? planted(av, seed++) : av, [b]: plantB ? planted(bv, seed++) : bv };
    expectLikeCpu(await runOn('wasm', kernel, run, attrs), await runOn('cpu', kernel, run, attrs));
  }
}
