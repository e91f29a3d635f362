/** What tfjs holds right now: how tests and the app's tensor check see leaks from outside the engine. */
import * as tf from '@tensorflow/tfjs';

export interface MemoryInUse {
  numTensors: number;
  numBytes: number;
}

export function memoryInUse(): MemoryInUse {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes };
}
