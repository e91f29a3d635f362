/**
 * A trainer's state as plain numbers: the weights and optimizer state with their shapes, the step,
 * and the sentinel's verdict so far. A Snapshot is tensors on the device; a checkpoint outlives the
 * device and the worker that held it, so a worker ended inside a step that would not finish, or a
 * WebGPU device that was lost, costs no finished step: a new trainer of the same scenario, on any
 * backend, goes on from it. It crosses postMessage as it is (typed arrays and plain data).
 */
import * as tf from '@tensorflow/tfjs';
import type { NonFiniteReport } from './records';

export interface Checkpoint {
  /** Steps taken when it was read. */
  step: number;
  /** Weights, then optimizer state, in the trainer's order. */
  tensors: { shape: number[]; values: Float32Array }[];
  /** The sentinel's report so far, and whether the trainer was paused at it. */
  report: NonFiniteReport | null;
  paused: boolean;
}

/** Read `variables` into a checkpoint; `async`: the backend reads back only asynchronously (WebGPU). */
export async function readCheckpoint(
  step: number,
  variables: readonly tf.Tensor[],
  verdict: { report: NonFiniteReport | null; paused: boolean },
  async: boolean,
): Promise<Checkpoint> {
  // A copy: tfjs-backend-cpu hands out its own buffer, which must not travel or change under us.
  const values = async
    ? await Promise.all(variables.map(async (v) => Float32Array.from(await v.data<'float32'>())))
    : variables.map((v) => Float32Array.from(v.dataSync<'float32'>()));
  const tensors = variables.map((v, i) => ({ shape: [...v.shape], values: values[i]! }));
  return { step, tensors, report: verdict.report, paused: verdict.paused };
}

/** The checkpoint's tensors on the active backend, checked against the variables they will be assigned to. */
export function uploadCheckpoint(c: Checkpoint, variables: readonly tf.Tensor[]): tf.Tensor[] {
  const fits =
    c.tensors.length === variables.length &&
    c.tensors.every((t, i) => {
      const shape = variables[i]!.shape;
      return t.shape.length === shape.length && t.shape.every((d, k) => d === shape[k]) && t.values.length === variables[i]!.size;
    });
  if (!fits) throw new Error(`the checkpoint of step ${c.step} does not fit this model (its tensors differ in number or shape)`);
  return c.tensors.map((t) => tf.tensor(t.values, t.shape, 'float32'));
}
