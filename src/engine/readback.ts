/**
 * Readback drivers. A step is written once, as a generator that yields the one tensor it needs on
 * the CPU and receives its values; `driveSync` answers with dataSync, `driveAsync` with data().
 * WebGPU needs the async driver: its synchronous readback is slow everywhere and, on SwiftShader,
 * returns zeros instead of the values (measured on the lab page).
 */
import type * as tf from '@tensorflow/tfjs';

/** A computation that yields tensors to read back and finishes with T. */
export type Flow<T> = Generator<tf.Tensor, T, ArrayLike<number>>;

/** Backends whose tensors cannot be read back synchronously. */
export function needsAsyncReadback(backend: string): boolean {
  return backend === 'webgpu';
}

/** A flow that reads nothing back: `compute` runs when it is driven (the dense path's steps, which live on the host). */
export function* hostFlow<T>(compute: () => T): Flow<T> {
  yield* [];
  return compute();
}

/** Run a flow, reading each yielded tensor with dataSync (cpu, wasm, webgl). */
export function driveSync<T>(flow: Flow<T>): T {
  let r = flow.next();
  try {
    while (!r.done) {
      const t = r.value;
      let v: ArrayLike<number>;
      try {
        v = t.dataSync();
      } finally {
        t.dispose();
      }
      r = flow.next(v);
    }
    return r.value;
  } finally {
    if (!r.done) flow.return(undefined as never); // runs the flow's finally blocks (disposals) on error
  }
}

/** Run a flow, reading each yielded tensor with data() (every backend; required for webgpu). */
export async function driveAsync<T>(flow: Flow<T>): Promise<T> {
  let r = flow.next();
  try {
    while (!r.done) {
      const t = r.value;
      let v: ArrayLike<number>;
      try {
        v = await t.data();
      } finally {
        t.dispose();
      }
      r = flow.next(v);
    }
    return r.value;
  } finally {
    if (!r.done) flow.return(undefined as never);
  }
}
