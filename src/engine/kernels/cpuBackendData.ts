/**
 * What the replacement cpu kernels need of tfjs's cpu backend: the typed array behind a tensor and
 * a way to hand a new one back. Written as a structural type so the engine does not depend on
 * tfjs-backend-cpu's class directly (it comes with @tensorflow/tfjs).
 */
import type * as tf from '@tensorflow/tfjs';

/** A kernel's arguments, as the engine passes them to kernelFunc. */
export type KernelArgs = Parameters<tf.KernelFunc>[0];

/** The slice of MathBackendCPU the kernels use. */
export interface CpuBackendData {
  data: { get(dataId: tf.DataId): { values?: tf.BackendValues } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.BackendValues): tf.TensorInfo;
}

/** The tensor's values as a typed array, or null where they are not one (strings, complex parts). */
export function typedValues(backend: CpuBackendData, t: tf.TensorInfo): tf.TypedArray | null {
  const v = backend.data.get(t.dataId).values;
  return v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array ? v : null;
}
