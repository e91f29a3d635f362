/** Helpers for the tests that hold our cpu kernels to the stock ones bit for bit. */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../rng';
import { registerCpuKernels, restoreStockCpuKernels } from './cpuKernels';

/** The raw bits of a float32 tensor (NaN payloads and the sign of zero included), read then disposed. */
export function bitsOf(t: tf.Tensor): number[] {
  const v = t.dataSync();
  t.dispose();
  if (!(v instanceof Float32Array)) return Array.from(v); // int32 and bool values are their own bits
  return Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length));
}

/** Run `f` once with the stock kernels registered and once with ours; ours stay registered after. */
export function stockAndOurs<T>(f: () => T): { stock: T; ours: T } {
  restoreStockCpuKernels();
  let stock: T;
  try {
    stock = f();
  } finally {
    registerCpuKernels();
  }
  return { stock, ours: f() };
}

/** Placed into the seeded values of a test input: [flat index, value]. */
export type Plant = [number, number];

/**
 * `n` seeded values: normals scaled by 2^e with e uniform in [−spread, spread] (a wide spread makes
 * float64 sums inexact, so a changed summation order shows in the bits), then the planted ones.
 */
export function seededValues(n: number, seed: number, spread = 0, plants: Plant[] = []): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * 2 ** Math.round(rng.uniform(-spread, spread));
  for (const [i, v] of plants) out[i % n] = v;
  return out;
}

/** NaN, +Inf, −Inf and zeros (0 × Inf is NaN) at seeded places of an n-element input. */
export function nonFinitePlants(n: number, seed: number): Plant[] {
  const rng = new Rng(seed ^ 0x5bd1e995);
  return [NaN, Infinity, -Infinity, 0, 0, -0].map((v): Plant => [rng.int(n), v]);
}
